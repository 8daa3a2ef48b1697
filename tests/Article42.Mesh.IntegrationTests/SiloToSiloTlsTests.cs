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

        // Grains placed on B (through B's gateway: placement prefers the silo a call arrives at), then called by a
        // client that knows only A's gateway: those calls cross from A to B, silo to silo, over TLS.
        var operatorTls = MeshTlsOptions.FromTrustStore(keys, TrustStore.OperatorKeyName);
        await using var viaA = await MeshClient.ConnectEmbeddedAsync(ports[0].Gateway, operatorTls);
        await using var viaB = await MeshClient.ConnectEmbeddedAsync(ports[1].Gateway, operatorTls);
        await Deadline.UntilAsync(async () => (await viaA.Management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30), "two active silos");
        var onB = await ActivateUntilOneLandsOnAsync(viaB, ports[1].Silo);
        Assert.NotNull(await viaA.Client.GetGrain<IParticipantGrain>(onB).ChallengeAsync());
        Assert.Equal(ports[1].Silo, (await viaA.Management.GetActivationAddress(viaA.Client.GetGrain<IParticipantGrain>(onB), TestContext.Current.CancellationToken))?.Endpoint.Port);

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
            Assert.Equal(new[] { ports[0].Silo, ports[1].Silo }.Order(), (await viaA.Management.GetHosts(onlyActive: true, TestContext.Current.CancellationToken)).Keys.Select(s => s.Endpoint.Port).Order());
        }

        Assert.NotNull(await viaA.Client.GetGrain<IParticipantGrain>(onB).ChallengeAsync());
    }

    [Fact]
    public async Task With_certificate_binding_a_grain_on_the_other_silo_serves_only_the_participant_named_by_the_gateways_certificate()
    {
        using var home = new TempHome();
        await using var redis = await RedisServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        var journal = await postgres.CreateDatabaseAsync("mesh");
        var keys = Path.Combine(home.Path, "keys");
        var store = TrustStore.Create(keys, ParticipantRegistry.Default);
        TlsDirectory.Of(keys).Create(store.Registry.Participants.Select(p => p.Id), DateTimeOffset.UtcNow);
        var ports = new[] { SiloPorts.Free(), SiloPorts.Free() };
        string[] shared =
        [
            "--profile", "cluster", "--advertise-ip", "127.0.0.1", "--redis", redis.ConnectionString, "--postgres", journal, "--keys", keys,
            "--Security:ClusterSecret=cluster-secret-for-the-integration-tests", "--Tls:RequireClientCertificate=true", "--Tls:BindParticipant=true",
        ];
        await using var a = SiloProcess.Start("silo A", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[0].Flags()]);
        await using var b = SiloProcess.Start("silo B", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[1].Flags()]);
        await Task.WhenAll(a.ReadyAsync(), b.ReadyAsync());
        await using var operatorClient = await MeshClient.ConnectEmbeddedAsync(ports[1].Gateway, MeshTlsOptions.FromTrustStore(keys, TrustStore.OperatorKeyName));
        await Deadline.UntilAsync(async () => (await operatorClient.Management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30), "two active silos");

        // The operator's certificate speaks for no participant: its calls through B are refused, but they place the
        // grains, until one lands on B. A gateway connected through A only then shows that B found, in Redis, the
        // binding A recorded when that gateway connected.
        string? onB = null;
        foreach (var id in store.Registry.Participants.Select(p => p.Id).Where(id => id != "DE"))
        {
            var grain = operatorClient.Client.GetGrain<IParticipantGrain>(id);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(async () => await grain.ChallengeAsync());
            if ((await operatorClient.Management.GetActivationAddress(grain, TestContext.Current.CancellationToken))?.Endpoint.Port == ports[1].Silo)
            {
                onB = id;
                break;
            }
        }

        Assert.True(onB is not null, "no participant's grain was placed on silo B");
        await using (var owner = await MeshGateway.ConnectAsync(Options(keys, onB, onB, ports[0].Gateway), TestContext.Current.CancellationToken))
            Assert.NotEmpty((await owner.SendAsync(owner.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken)).Recipients);
        var other = onB == "FR" ? "IT" : "FR";
        await using var impostor = await MeshGateway.ConnectAsync(Options(keys, onB, other, ports[0].Gateway), TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<MeshRefusedException>(() => impostor.SendAsync(impostor.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken));
        Assert.Equal($"error A42-SEC-002 {onB}: ChallengeAsync on '{onB}': this gateway connection's TLS client certificate speaks for '{other}', not '{onB}'", Assert.Single(refused.Errors).ToString());
    }

    private static MeshGatewayOptions Options(string keys, string participant, string certificateOf, int gatewayPort) => new()
    {
        Participant = participant,
        TrustStoreDirectory = keys,
        Endpoints = [new IPEndPoint(IPAddress.Loopback, gatewayPort)],
        Tls = MeshTlsOptions.FromTrustStore(keys, certificateOf),
    };

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
