using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Article42.Mesh.Hosting.Configuration;
using Article42.Mesh.Hosting.Tls;
using Microsoft.Extensions.Configuration;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// The <c>Tls</c> settings: when TLS is on in each profile, and every unusable certificate file refused at start
/// with its own A42-CFG code naming the key (exit 2, one line, no stack trace).
/// </summary>
public sealed class TlsSettingTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TempHome home = new();

    private string Keys => Path.Combine(home.Path, "keys");

    private TlsDirectory Pki => TlsDirectory.Of(Keys);

    [Fact]
    public void Embedded_and_cluster_speak_plain_TCP_until_a_silo_certificate_exists_and_then_make_client_certificates_optional()
    {
        Assert.Null(Read([]).Tls);

        Pki.Create(["FR"], Now);
        var tls = Read([]).Tls;

        Assert.NotNull(tls);
        Assert.Equal((Pki.SiloCertificate, Pki.AuthorityCertificate, false), (tls.Certificate, tls.CaCertificate, tls.RequireClientCertificate));
        Assert.Null(Read(new() { ["Tls:Enabled"] = "false" }).Tls);
        Assert.True(Read(Cluster("cluster")).Tls is { RequireClientCertificate: false, BindParticipant: false });
    }

    [Fact]
    public void Kubernetes_always_runs_mutual_TLS_and_refuses_to_turn_either_off()
    {
        var kubernetes = Read(Cluster("kubernetes"));
        Assert.Equal((Pki.SiloCertificate, true, true), (kubernetes.Tls?.Certificate, kubernetes.Tls?.RequireClientCertificate, kubernetes.Tls?.BindParticipant));
        Assert.False(Read(new(Cluster("kubernetes")) { ["Tls:BindParticipant"] = "false" }).Tls!.BindParticipant);

        var errors = Errors(new(Cluster("kubernetes")) { ["Tls:Enabled"] = "false", ["Tls:RequireClientCertificate"] = "false" });

        Assert.Equal(
            [
                ("A42-CFG-017", "Tls:Enabled", "TLS cannot be turned off in the kubernetes profile"),
                ("A42-CFG-017", "Tls:RequireClientCertificate", "gateways must present a client certificate in the kubernetes profile (mutual TLS)"),
            ],
            errors.Select(e => (e.Code, e.Path, e.Message)));
    }

    [Fact]
    public void Binding_certificates_to_participants_needs_client_certificates_to_be_required()
    {
        Pki.Create(["FR"], Now);

        var error = Assert.Single(Errors(new() { ["Tls:BindParticipant"] = "true" }));

        Assert.Equal(("A42-CFG-017", "Tls:BindParticipant", "needs Tls:RequireClientCertificate=true: a gateway without a certificate would speak for no participant"), (error.Code, error.Path, error.Message));
        Assert.True(Read(new() { ["Tls:BindParticipant"] = "true", ["Tls:RequireClientCertificate"] = "true" }).Tls!.BindParticipant);
    }

    [Fact]
    public void A_misspelt_tls_key_or_a_bad_boolean_is_refused_naming_it()
    {
        var errors = Errors(new() { ["Tls:Certficate"] = "/etc/a42/silo.crt", ["Tls:RequireClientCertificate"] = "yes" });

        Assert.Equal([("A42-CFG-006", "Tls:Certficate"), ("A42-CFG-006", "Tls:RequireClientCertificate")], errors.Select(e => (e.Code, e.Path)));
        Assert.Contains("known: Enabled, Certificate, CertificateKey, CertificatePassword, CaCertificate, RequireClientCertificate, BindParticipant", errors[0].Message, StringComparison.Ordinal);
    }

    /// <summary>Every way a silo certificate file can be unusable; each is refused with its code, key and sentence.</summary>
    public static TheoryData<string> CertificateProblems() =>
        ["missing certificate", "garbage certificate", "garbage CA", "missing key", "expired", "another CA", "gateway-only usage"];

    [Theory]
    [MemberData(nameof(CertificateProblems))]
    public void An_unusable_certificate_file_is_refused_with_its_code_its_key_and_its_sentence(string problem)
    {
        var (settings, expected) = Arrange(problem);

        var (material, errors) = SiloTlsMaterial.Load(settings, DateTime.UtcNow);

        Assert.Null(material);
        var error = Assert.Single(errors);
        Assert.Equal((expected.Code, expected.Path), (error.Code, error.Path));
        Assert.Matches(expected.Sentence, error.Message);
    }

    [Theory]
    [MemberData(nameof(CertificateProblems))]
    public async Task A_silo_given_an_unusable_certificate_file_stops_at_start_with_exit_2_and_one_line_naming_its_key(string problem)
    {
        var (settings, expected) = Arrange(problem);
        string[] tls =
        [
            $"--Tls:Certificate={settings.Certificate}",
            $"--Tls:CaCertificate={settings.CaCertificate}",
            .. settings.CertificateKey is null ? Array.Empty<string>() : [$"--Tls:CertificateKey={settings.CertificateKey}"],
        ];

        await using var silo = SiloProcess.Start($"silo with {problem}", "Article42.Mesh.Silo.dll", home.Path, [.. SiloPorts.Free().Flags(), .. tls]);

        Assert.True(2 == await silo.ExitedAsync(TimeSpan.FromSeconds(60)), silo.Describe());
        var line = Assert.Single(silo.Errors);
        var prefix = $"error {expected.Code} {expected.Path}: ";
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        Assert.Matches(expected.Sentence, line[prefix.Length..]);
        Assert.DoesNotContain("ready", silo.Output);
    }

    /// <summary>The files of <paramref name="problem"/> on a development PKI made 90 days ago, and the refusal expected.</summary>
    private (TlsSettings Settings, (string Code, string Path, Regex Sentence) Expected) Arrange(string problem)
    {
        Pki.Create(["FR"], Now.AddDays(-90));
        using var authority = TlsCertificates.Load(Pki.AuthorityCertificate, Pki.Key(TlsDirectory.AuthorityName));
        var ca = Pki.AuthorityCertificate;
        var issuer = Regex.Escape("issued by 'CN=Article42.Mesh development CA");
        var chainTo = Regex.Escape($": silos present it to each other and to gateways, so it must chain to Tls:CaCertificate ('{ca}')") + "$";
        switch (problem)
        {
            case "missing certificate":
                var missing = Pki.SiloCertificate + ".missing";
                return (Settings(missing), ("A42-CFG-014", "Tls:Certificate", Exactly($"no file '{missing}': the silo's certificate (PEM or PKCS#12; a development one: 'a42 keys init --tls')")));
            case "garbage certificate":
                var garbage = Write("garbage.crt", "not a certificate");
                return (Settings(garbage), ("A42-CFG-014", "Tls:Certificate", new($"^{Regex.Escape($"cannot read '{garbage}' as a certificate with its private key: ")}.+")));
            case "garbage CA":
                var garbageCa = Write("garbage-ca.crt", "not a certificate");
                return (Settings(Pki.SiloCertificate, ca: garbageCa), ("A42-CFG-014", "Tls:CaCertificate", new($"^{Regex.Escape($"cannot read '{garbageCa}' as PEM certificates: ")}.+")));
            case "missing key":
                var nobody = Pki.Key("nobody");
                return (Settings(Pki.SiloCertificate, key: nobody), ("A42-CFG-014", "Tls:CertificateKey", Exactly($"no file '{nobody}'")));
            case "expired":
                var expired = Issue("expired", DevelopmentPki.IssueSilo(authority, "old silo", ["localhost"], Now.AddDays(-60), Now.AddDays(-1)));
                return (Settings(expired), ("A42-CFG-015", "Tls:Certificate",
                    new($"^'CN=old silo, O=Article42\\.Mesh development' {issuer}.*{Regex.Escape(": expired; renew it (a development one: 'a42 keys init --tls --force')")}$")));
            case "another CA":
                using (var otherCa = DevelopmentPki.CreateAuthority("another CA", Now.AddDays(-1), Now.AddYears(1)))
                {
                    var foreign = Issue("foreign", DevelopmentPki.IssueSilo(otherCa, "foreign silo", ["localhost"], Now.AddDays(-1), Now.AddDays(30)));
                    return (Settings(foreign), ("A42-CFG-016", "Tls:Certificate",
                        new($"^{Regex.Escape("certificate 'CN=foreign silo, O=Article42.Mesh development' is not issued by a trusted certificate authority (its issuer is 'CN=another CA")}.*{chainTo}")));
                }
            case "gateway-only usage":
                var gatewayOnly = Issue("gateway-only", DevelopmentPki.IssueGateway(authority, "FR", Now.AddDays(-1), Now.AddDays(30)));
                return (Settings(gatewayOnly), ("A42-CFG-016", "Tls:Certificate",
                    new($"^{Regex.Escape("certificate 'CN=FR, O=Article42.Mesh development' is not valid for server authentication (extended key usage)")}{chainTo}")));
            default:
                throw new ArgumentOutOfRangeException(nameof(problem), problem, "no such certificate problem");
        }
    }

    private static Regex Exactly(string sentence) => new($"^{Regex.Escape(sentence)}$");

    [Fact]
    public void A_PKCS12_silo_certificate_opens_with_its_password_and_a_wrong_password_is_named()
    {
        Pki.Create(["FR"], Now);
        using var silo = TlsCertificates.Load(Pki.SiloCertificate);
        var pfx = Path.Combine(home.Path, "silo.pfx");
        File.WriteAllBytes(pfx, silo.Export(X509ContentType.Pkcs12, "s3cret"));

        var (material, errors) = SiloTlsMaterial.Load(Settings(pfx, password: "s3cret"), DateTime.UtcNow);
        Assert.True(material is not null, string.Join('\n', errors));
        Assert.Equal(silo.Thumbprint, material.Certificate.Thumbprint);

        var wrong = Assert.Single(SiloTlsMaterial.Load(Settings(pfx, password: "guess"), DateTime.UtcNow).Errors);
        Assert.Equal(("A42-CFG-014", "Tls:Certificate"), (wrong.Code, wrong.Path));
        Assert.EndsWith("(is Tls:CertificatePassword right?)", wrong.Message, StringComparison.Ordinal);
    }

    public void Dispose() => home.Dispose();

    private TlsSettings Settings(string certificate, string? ca = null, string? key = null, string? password = null) =>
        new(certificate, key, password, ca ?? Pki.AuthorityCertificate, RequireClientCertificate: true);

    private string Issue(string name, X509Certificate2 certificate)
    {
        using (certificate)
            new TlsDirectory(Path.Combine(home.Path, "issued")).Write(name, certificate);
        return new TlsDirectory(Path.Combine(home.Path, "issued")).Certificate(name);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(home.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Dictionary<string, string?> Cluster(string profile) => new()
    {
        ["Profile"] = profile,
        ["Paths:Keys"] = Keys,
        ["Cluster:AdvertiseIp"] = "10.1.2.3",
        ["Cluster:Redis"] = "redis:6379",
        ["Journal:Postgres"] = "Host=postgres;Username=a42",
        ["Security:ClusterSecret"] = "0123456789abcdef0123456789abcdef",
        ["Http:OperatorToken"] = "fedcba9876543210fedcba9876543210",
    };

    private MeshSettings Read(Dictionary<string, string?> keys)
    {
        var (settings, errors) = MeshSettingsReader.Read(Configuration(keys), Environment);
        Assert.True(settings is not null, string.Join('\n', errors));
        return settings;
    }

    private ImmutableArray<MeshError> Errors(Dictionary<string, string?> keys)
    {
        var (settings, errors) = MeshSettingsReader.Read(Configuration(keys), Environment);
        Assert.Null(settings);
        return errors;
    }

    private string? Environment(string name) => name switch
    {
        "A42_HOME" => home.Path,
        "POD_IP" => "10.244.0.7",
        _ => null,
    };

    private IConfiguration Configuration(Dictionary<string, string?> keys)
    {
        keys.TryAdd("Paths:Keys", Keys);
        return new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
    }
}
