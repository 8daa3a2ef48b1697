using System.Text.RegularExpressions;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A revocation list a silo cannot use stops it at start (exit 2, one line naming <c>Tls:RevocationList</c>): a list
/// set but missing, one that is not a list, one signed by another CA. The development default may be absent.
/// </summary>
public sealed class RevocationListSettingTests : IDisposable
{
    private readonly TempHome home = new();

    private string Keys => Path.Combine(home.Path, "keys");

    private TlsDirectory Pki => TlsDirectory.Of(Keys);

    public static TheoryData<string> ListProblems() => ["missing", "garbage", "another CA"];

    [Theory]
    [MemberData(nameof(ListProblems))]
    public async Task A_silo_given_an_unusable_revocation_list_stops_at_start_with_exit_2_and_one_line(string problem)
    {
        TrustStore.Create(Keys, ParticipantRegistry.Default);
        Pki.Create(["FR"], DateTimeOffset.UtcNow.AddDays(-1));
        var list = Path.Combine(home.Path, "revoked.crl");
        var (code, sentence) = Arrange(problem, list);

        await using var silo = SiloProcess.Start($"silo with a {problem} revocation list", "Article42.Mesh.Silo.dll", home.Path,
            [.. SiloPorts.Free().Flags(), "--keys", Keys, $"--Tls:RevocationList={list}", "--Dashboard:Enabled=false"]);

        Assert.True(2 == await silo.ExitedAsync(TimeSpan.FromSeconds(60)), silo.Describe());
        var line = Assert.Single(silo.Errors);
        Assert.StartsWith($"error {code} Tls:RevocationList: ", line, StringComparison.Ordinal);
        Assert.Matches(sentence, line);
        Assert.DoesNotContain("ready", silo.Output);
    }

    private static (string Code, Regex Sentence) Arrange(string problem, string list)
    {
        switch (problem)
        {
            case "missing":
                return ("A42-CFG-019", new(Regex.Escape($"no file '{list}': the revocation list of the mesh's CA")));
            case "garbage":
                File.WriteAllText(list, "not a revocation list");
                return ("A42-CFG-019", new(Regex.Escape($"cannot read '{list}' as an X.509 revocation list (PEM or DER): ")));
            case "another CA":
                using (var otherCa = DevelopmentPki.CreateAuthority("another CA", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)))
                    File.WriteAllBytes(list, DevelopmentPki.IssueRevocationList(otherCa, null, [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)));
                return ("A42-CFG-020", new(Regex.Escape("the revocation list of 'CN=another CA, O=Article42.Mesh development' in '") + ".*" + Regex.Escape("' is not signed by a CA of Tls:CaCertificate")));
            default:
                throw new ArgumentOutOfRangeException(nameof(problem), problem, "no such list problem");
        }
    }

    public void Dispose() => home.Dispose();
}
