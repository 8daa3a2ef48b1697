using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// <c>a42 keys revoke-cert</c>: a revocation list of the development CA, signed by it and numbered one up at each
/// revocation; a certificate of another CA, a CA without its key, a serial listed already or a list the CA did not
/// sign is refused with its code, and nothing is written.
/// </summary>
public sealed class KeysRevokeCertTests : IDisposable
{
    private readonly TempDirectory temp = new("a42-revoke-");

    private string Home => temp.Path;

    private TlsDirectory Pki => TlsDirectory.Of(Path.Combine(Home, "keys"));

    [Fact]
    public async Task Revoking_two_certificates_writes_a_list_signed_by_the_CA_numbered_1_then_2()
    {
        await InitAsync();

        var first = await RevokeAsync(Pki.Certificate("PT"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var one = Single();
        var second = await RevokeAsync(Pki.Certificate("HU"));
        Assert.True(second.ExitCode == 0, second.ToString());

        var two = Single();
        using var authority = X509CertificateLoader.LoadCertificateFromFile(Pki.AuthorityCertificate);
        using var pt = X509CertificateLoader.LoadCertificateFromFile(Pki.Certificate("PT"));
        using var hu = X509CertificateLoader.LoadCertificateFromFile(Pki.Certificate("HU"));
        using var fr = X509CertificateLoader.LoadCertificateFromFile(Pki.Certificate("FR"));
        Assert.Equal((1, 2), ((int)one.Number!.Value, (int)two.Number!.Value));
        Assert.True(two.IsSignedBy(authority));
        Assert.True(two.Revokes(pt) && two.Revokes(hu));
        Assert.False(two.Revokes(fr));
        Assert.True(two.NextUpdate > DateTimeOffset.UtcNow.AddDays(300));
        Assert.Contains($"(serial {RevocationList.SerialOf(hu)})", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("(number 2, 2 revoked certificates", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_revoked_already_is_refused_with_A42_KEYS_098_and_the_list_is_left_as_it_was()
    {
        await InitAsync();
        Assert.Equal(0, (await RevokeAsync(Pki.Certificate("PT"))).ExitCode);
        var before = File.ReadAllBytes(Pki.RevocationList);

        var again = await RevokeAsync(Pki.Certificate("PT"));

        AssertRefused(again, "A42-KEYS-008", "--cert", "is on ");
        Assert.Equal(before, File.ReadAllBytes(Pki.RevocationList));
    }

    [Fact]
    public async Task A_certificate_of_another_CA_is_refused_with_A42_KEYS_099_and_nothing_is_written()
    {
        await InitAsync();
        using var otherCa = DevelopmentPki.CreateAuthority("another CA", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var stranger = new TlsDirectory(Path.Combine(Home, "other"));
        using (var issued = DevelopmentPki.IssueGateway(otherCa, "PT", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)))
            stranger.Write("PT", issued);
        stranger.Write(TlsDirectory.AuthorityName, otherCa);

        AssertRefused(await RevokeAsync(stranger.Certificate("PT")), "A42-KEYS-007", "--cert", "is not issued by the development CA");
        AssertRefused(await RevokeAsync(stranger.AuthorityCertificate), "A42-KEYS-007", "--cert", "is not issued by the development CA");
        AssertRefused(await RevokeAsync(Pki.AuthorityCertificate), "A42-KEYS-007", "--cert", "is not issued by the development CA");
        Assert.False(File.Exists(Pki.RevocationList));
    }

    [Fact]
    public async Task Without_the_CA_key_revoking_is_refused_with_A42_KEYS_002_and_nothing_is_written()
    {
        await InitAsync();
        File.Delete(Pki.Key(TlsDirectory.AuthorityName));

        AssertRefused(await RevokeAsync(Pki.Certificate("PT")), "A42-KEYS-002", Pki.Key(TlsDirectory.AuthorityName), "the CA's private key is not here");
        Assert.False(File.Exists(Pki.RevocationList));
    }

    [Fact]
    public async Task An_existing_list_that_is_garbage_or_another_CAs_is_refused_with_A42_KEYS_097_and_left_as_it_was()
    {
        await InitAsync();
        File.WriteAllText(Pki.RevocationList, "not a list");
        AssertRefused(await RevokeAsync(Pki.Certificate("PT")), "A42-KEYS-009", Pki.RevocationList, "cannot read it as a revocation list");
        Assert.Equal("not a list", File.ReadAllText(Pki.RevocationList));

        using var otherCa = DevelopmentPki.CreateAuthority("another CA", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var foreign = DevelopmentPki.IssueRevocationList(otherCa, null, [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(Pki.RevocationList, foreign);
        AssertRefused(await RevokeAsync(Pki.Certificate("PT")), "A42-KEYS-009", Pki.RevocationList, "not one revocation list signed by the development CA");
        Assert.Equal(foreign, File.ReadAllBytes(Pki.RevocationList));
    }

    public void Dispose() => temp.Dispose();

    private async Task InitAsync()
    {
        var init = await A42Process.RunAsync(Home, "keys", "init", "--tls");
        Assert.True(init.ExitCode == 0, init.ToString());
    }

    private Task<CliResult> RevokeAsync(string certificate) => A42Process.RunAsync(Home, "keys", "revoke-cert", "--cert", certificate);

    private RevocationList Single() => Assert.Single(RevocationList.Read(File.ReadAllBytes(Pki.RevocationList)));

    private static void AssertRefused(CliResult result, string code, string path, string sentence)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error {code} {path}: ", line, StringComparison.Ordinal);
        Assert.Contains(sentence, line, StringComparison.Ordinal);
    }
}
