using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Tests;

/// <summary><c>a42 keys init --tls</c>: a development PKI whose certificates pass the mesh's own peer check.</summary>
public sealed class KeysInitTlsTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;


    [Fact]
    public async Task Keys_init_tls_makes_a_CA_a_silo_certificate_and_one_client_certificate_per_participant()
    {
        using var temp = new TempDirectory("a42-keys-tls-");
        var home = temp.Path;
        var result = await A42Process.RunAsync(home, "keys", "init", "--tls");
        Assert.True(result.ExitCode == 0, result.ToString());
        var tls = TlsDirectory.Of(Path.Combine(home, "keys"));
        var registry = TrustStore.Open(Path.Combine(home, "keys")).Registry;
        var authorities = TlsCertificates.LoadAuthorities(tls.AuthorityCertificate);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(tls.Key(TlsDirectory.AuthorityName)));

        using var silo = TlsCertificates.Load(tls.SiloCertificate);
        Assert.Null(TlsPeerCheck.Problem(silo, null, authorities, TlsPurpose.Server));
        Assert.Null(TlsPeerCheck.Problem(silo, null, authorities, TlsPurpose.Client));
        var names = silo.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Contains(System.Net.IPAddress.Loopback, names.EnumerateIPAddresses());

        foreach (var id in registry.Participants.Select(p => p.Id).Append(TrustStore.OperatorKeyName))
        {
            using var client = TlsCertificates.Load(tls.Certificate(id));
            Assert.Equal(id, TlsCertificates.CommonName(client));
            Assert.Null(TlsPeerCheck.Problem(client, null, authorities, TlsPurpose.Client));
            Assert.NotNull(TlsPeerCheck.Problem(client, null, authorities, TlsPurpose.Server));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(tls.Key(id)));
        }

        Assert.Contains("client certificates:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("for 50 participants and the operator", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_init_tls_adds_certificates_to_an_existing_store_without_touching_its_keys_and_then_refuses_without_force()
    {
        using var temp = new TempDirectory("a42-keys-tls-");
        var home = temp.Path;
        var keys = Path.Combine(home, "keys");
        Assert.Equal(0, (await A42Process.RunAsync(home, "keys", "init")).ExitCode);
        var registry = File.ReadAllText(Path.Combine(keys, TrustStore.RegistryFileName));
        var frKey = File.ReadAllText(Path.Combine(keys, "FR.pem"));

        var added = await A42Process.RunAsync(home, "keys", "init", "--tls");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("(the trust store was kept)", added.Stdout, StringComparison.Ordinal);
        Assert.Equal(registry, File.ReadAllText(Path.Combine(keys, TrustStore.RegistryFileName)));
        Assert.Equal(frKey, File.ReadAllText(Path.Combine(keys, "FR.pem")));
        var ca = File.ReadAllText(TlsDirectory.Of(keys).AuthorityCertificate);

        var refused = await A42Process.RunAsync(home, "keys", "init", "--tls");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("A42-KEYS-001", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(ca, File.ReadAllText(TlsDirectory.Of(keys).AuthorityCertificate));

        Assert.Equal(0, (await A42Process.RunAsync(home, "keys", "init", "--tls", "--force")).ExitCode);
        Assert.NotEqual(ca, File.ReadAllText(TlsDirectory.Of(keys).AuthorityCertificate));
        Assert.NotEqual(frKey, File.ReadAllText(Path.Combine(keys, "FR.pem")));
    }

    [Fact]
    public async Task A_gateway_command_with_a_TLS_file_that_does_not_exist_exits_2_naming_the_option()
    {
        using var temp = new TempDirectory("a42-keys-tls-");
        var home = temp.Path;
        Assert.Equal(0, (await A42Process.RunAsync(home, "keys", "init")).ExitCode);

        var missing = await A42Process.RunAsync(home, "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--tls-ca", Path.Combine(home, "nowhere.crt"));
        var alone = await A42Process.RunAsync(home, "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--tls-cert", Path.Combine(home, "FR.crt"));

        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith($"error A42-CLI-001 --tls-ca: no file '{Path.Combine(home, "nowhere.crt")}'", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, alone.ExitCode);
        Assert.StartsWith("error A42-CLI-002 --tls-cert: needs the mesh's CA too", alone.Stderr, StringComparison.Ordinal);
    }
}
