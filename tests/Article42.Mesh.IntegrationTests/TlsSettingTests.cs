using System.Security.Cryptography.X509Certificates;
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
            [("A42-CFG-017", "Tls:Enabled"), ("A42-CFG-017", "Tls:RequireClientCertificate")],
            errors.Select(e => (e.Code, e.Path)));
    }

    [Fact]
    public void Binding_certificates_to_participants_needs_client_certificates_to_be_required()
    {
        Pki.Create(["FR"], Now);

        var error = Assert.Single(Errors(new() { ["Tls:BindParticipant"] = "true" }));

        Assert.Equal(("A42-CFG-017", "Tls:BindParticipant"), (error.Code, error.Path));
        Assert.True(Read(new() { ["Tls:BindParticipant"] = "true", ["Tls:RequireClientCertificate"] = "true" }).Tls!.BindParticipant);
    }

    [Fact]
    public void A_misspelt_tls_key_or_a_bad_boolean_is_refused_naming_it()
    {
        var errors = Errors(new() { ["Tls:Certficate"] = "/etc/a42/silo.crt", ["Tls:RequireClientCertificate"] = "yes" });

        Assert.Equal([("A42-CFG-006", "Tls:Certficate"), ("A42-CFG-006", "Tls:RequireClientCertificate")], errors.Select(e => (e.Code, e.Path)));
        Assert.Contains("known: Enabled, Certificate, CertificateKey, CertificatePassword, CaCertificate, RequireClientCertificate, BindParticipant", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_certificate_files_are_each_named_by_their_key()
    {
        Pki.Create(["FR"], Now.AddDays(-90));
        using var authority = TlsCertificates.Load(Pki.AuthorityCertificate, Pki.Key(TlsDirectory.AuthorityName));
        using var otherCa = DevelopmentPki.CreateAuthority("another CA", Now.AddDays(-1), Now.AddYears(1));
        var garbage = Write("garbage.crt", "not a certificate");
        var expired = Issue("expired", DevelopmentPki.IssueSilo(authority, "old silo", ["localhost"], Now.AddDays(-60), Now.AddDays(-1)));
        var foreign = Issue("foreign", DevelopmentPki.IssueSilo(otherCa, "foreign silo", ["localhost"], Now.AddDays(-1), Now.AddDays(30)));
        var gatewayOnly = Issue("gateway-only", DevelopmentPki.IssueGateway(authority, "FR", Now.AddDays(-1), Now.AddDays(30)));

        Assert.Equal(("A42-CFG-014", "Tls:Certificate"), Problem(Pki.SiloCertificate + ".missing"));
        Assert.Equal(("A42-CFG-014", "Tls:Certificate"), Problem(garbage));
        Assert.Equal(("A42-CFG-014", "Tls:CaCertificate"), Problem(Pki.SiloCertificate, ca: garbage));
        Assert.Equal(("A42-CFG-014", "Tls:CertificateKey"), Problem(Pki.SiloCertificate, key: Pki.Key("nobody")));
        Assert.Equal(("A42-CFG-015", "Tls:Certificate"), Problem(expired));
        Assert.Equal(("A42-CFG-016", "Tls:Certificate"), Problem(foreign));
        Assert.Equal(("A42-CFG-016", "Tls:Certificate"), Problem(gatewayOnly));
    }

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

    [Fact]
    public async Task A_silo_with_an_expired_certificate_stops_at_start_with_exit_2_and_one_line_naming_Tls_Certificate()
    {
        Pki.Create(["FR"], Now.AddDays(-90));
        using var authority = TlsCertificates.Load(Pki.AuthorityCertificate, Pki.Key(TlsDirectory.AuthorityName));
        var expired = Issue("expired", DevelopmentPki.IssueSilo(authority, "old silo", ["localhost"], Now.AddDays(-60), Now.AddDays(-1)));

        await using var silo = SiloProcess.Start("silo with an expired certificate", "Article42.Mesh.Silo.dll", home.Path, [.. SiloPorts.Free().Flags(), "--tls-cert", expired]);

        Assert.Equal(2, await silo.ExitedAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(silo.Errors);
        Assert.StartsWith("error A42-CFG-015 Tls:Certificate: 'CN=old silo, O=Article42.Mesh development' issued by 'CN=Article42.Mesh development CA", line, StringComparison.Ordinal);
        Assert.EndsWith("expired; renew it (a development one: 'a42 keys init --tls --force')", line, StringComparison.Ordinal);
        Assert.DoesNotContain("ready", silo.Output);
    }

    public void Dispose() => home.Dispose();

    private (string Code, string Path) Problem(string certificate, string? ca = null, string? key = null)
    {
        var (material, errors) = SiloTlsMaterial.Load(Settings(certificate, ca, key), DateTime.UtcNow);
        Assert.Null(material);
        var error = Assert.Single(errors);
        return (error.Code, error.Path);
    }

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
