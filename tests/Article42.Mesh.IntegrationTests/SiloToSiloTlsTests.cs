using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// Two cluster-profile silo processes (throwaway Redis and PostgreSQL) with mutual TLS on every Orleans connection:
/// they form one cluster and call each other's grains over TLS; a gateway certificate cannot open the silo port, and a
/// third silo whose certificate comes from another CA is refused by both and never joins.
/// </summary>
public sealed class SiloToSiloTlsTests
{
    [Fact]
    public async Task Two_silos_with_certificates_of_the_mesh_CA_form_a_cluster_over_TLS_and_a_silo_of_another_CA_cannot_join()
    {
        using var home = new TempHome();
        await using var redis = await RedisServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        var journal = await postgres.CreateDatabaseAsync("mesh");
        var keys = Path.Combine(home.Path, "keys");
        var store = TrustStore.Create(keys, ParticipantRegistry.Default);
        var pki = TlsDirectory.Of(keys);
        pki.Create(store.Registry.Participants.Select(p => p.Id), DateTimeOffset.UtcNow);

        var ports = new[] { SiloPorts.Free(), SiloPorts.Free(), SiloPorts.Free() };
        string[] shared =
        [
            "--profile", "cluster", "--advertise-ip", "127.0.0.1", "--redis", redis.ConnectionString, "--postgres", journal, "--keys", keys,
            "--Security:ClusterSecret=cluster-secret-for-the-integration-tests", "--Tls:RequireClientCertificate=true",
            "--Membership:ProbeTimeout=00:00:01", "--Membership:NumMissedProbesLimit=2", "--Membership:TableRefreshTimeout=00:00:02",
        ];
        await using var a = SiloProcess.Start("silo A", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[0].Flags()]);
        await using var b = SiloProcess.Start("silo B", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[1].Flags()]);
        await Task.WhenAll(a.ReadyAsync(), b.ReadyAsync());
        Assert.EndsWith("client certificates required", await b.LineAsync("tls"), StringComparison.Ordinal);

        // A client that knows only A's gateway: calls to grains on B cross from A to B, silo to silo, over TLS.
        await using var viaA = await MeshClient.ConnectEmbeddedAsync(ports[0].Gateway, MeshTlsOptions.FromTrustStore(keys, TrustStore.OperatorKeyName));
        await Deadline.UntilAsync(async () => (await viaA.Management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30), "two active silos");
        var onB = await ActivateUntilOneLandsOnAsync(viaA, ports[1].Silo);
        Assert.NotNull(await viaA.Client.GetGrain<IParticipantGrain>(onB).ChallengeAsync());

        // The silo port takes silo certificates only: a gateway's (client authentication only) is refused.
        using (var gateway = TlsCertificates.Load(pki.Certificate("FR")))
            await Assert.ThrowsAnyAsync<Exception>(() => HandshakeAsync(ports[0].Silo, gateway));
        await LogsAsync(a, "TLS connection refused on the silo endpoint: certificate 'CN=FR, O=Article42.Mesh development' is not valid for server authentication");

        // A silo with a certificate of another CA is refused by both directions of the silo-to-silo handshake.
        var otherKeys = Path.Combine(home.Path, "other-keys");
        File.Copy(Path.Combine(keys, TrustStore.RegistryFileName), Path.Combine(Directory.CreateDirectory(otherKeys).FullName, TrustStore.RegistryFileName));
        TlsDirectory.Of(otherKeys).Create([], DateTimeOffset.UtcNow);
        await using (var c = SiloProcess.Start("silo C (another CA)", "Article42.Mesh.Silo.dll", home.Path, [.. shared.Select(arg => arg == keys ? otherKeys : arg), .. ports[2].Flags()]))
        {
            const string ForeignSilo = "TLS connection refused on the silo endpoint: certificate 'CN=a42-silo, O=Article42.Mesh development' is not issued by a trusted certificate authority (its issuer is 'CN=Article42.Mesh development CA";
            await LogsAsync(a, ForeignSilo);
            await LogsAsync(c, ForeignSilo);
            Assert.DoesNotContain("ready", c.Output);
            Assert.Equal([ports[0].Silo, ports[1].Silo], (await viaA.Management.GetHosts(onlyActive: true, TestContext.Current.CancellationToken)).Keys.Select(s => s.Endpoint.Port).Order());
        }

        Assert.NotNull(await viaA.Client.GetGrain<IParticipantGrain>(onB).ChallengeAsync());
    }

    private static async Task HandshakeAsync(int port, System.Security.Cryptography.X509Certificates.X509Certificate2 client)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = [client],
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        // TLS 1.3: the server judges the client certificate after the client's side of the handshake; its verdict
        // arrives as an alert (or a close) on the first read.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        if (await tls.ReadAsync(new byte[1], wait.Token) == 0)
            throw new IOException("the silo closed the connection");
    }

    private static async Task<string> ActivateUntilOneLandsOnAsync(MeshClient mesh, int siloPort)
    {
        for (var i = 0; i < 120; i++)
        {
            var id = $"TLS-{i:000}";
            var grain = mesh.Client.GetGrain<IParticipantGrain>(id);
            await grain.ChallengeAsync();
            if ((await mesh.Management.GetActivationAddress(grain))?.Endpoint.Port == siloPort)
                return id;
        }

        throw new InvalidOperationException($"none of 120 new grains was placed on the silo at port {siloPort}");
    }

    private static Task LogsAsync(SiloProcess silo, string text) =>
        Deadline.UntilAsync(() => silo.Errors.Any(line => line.Contains(text, StringComparison.Ordinal)), TimeSpan.FromSeconds(30), $"{silo.Name} logging \"{text}\"\n{silo.Describe()}");
}
