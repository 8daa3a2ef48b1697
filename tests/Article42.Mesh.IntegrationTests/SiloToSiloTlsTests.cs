using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
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
        using var asSilo = ClusterSecretScope.Enter(ClusterSiloFlags.ClusterSecret); // the management grain and placement are not client calls
        await using var home = await ClusterHome.StartAsync(withTls: true);
        var (keys, pki) = (home.Keys, home.Tls);

        var ports = new[] { SiloPorts.Free(), SiloPorts.Free(), SiloPorts.Free() };
        string[] shared =
        [
            .. ClusterSiloFlags.For(home), "--Tls:RequireClientCertificate=true",
        ];
        await using var a = SiloProcess.Start("silo A", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[0].Flags()]);
        await using var b = SiloProcess.Start("silo B", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[1].Flags()]);
        await Task.WhenAll(a.ReadyAsync(), b.ReadyAsync());
        Assert.EndsWith("client certificates required", await b.LineAsync("tls"), StringComparison.Ordinal);

        // A grain activated wherever placement puts it, then called by a client that knows only the other silo's
        // gateway: those calls cross from one silo to the other, silo to silo, over TLS.
        var operatorTls = MeshTlsOptions.FromTrustStore(keys, TrustStore.OperatorKeyName);
        await using var viaA = await MeshClient.ConnectEmbeddedAsync(ports[0].Gateway, operatorTls);
        await using var viaB = await MeshClient.ConnectEmbeddedAsync(ports[1].Gateway, operatorTls);
        await Deadline.UntilAsync(async () => (await viaA.Management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30), "two active silos");
        // A registered participant: its activation stays where it is. An unknown id's activation goes as soon as its
        // call is answered, so its address could vanish between the calls below (CI saw it once).
        const string Probe = "LT";
        Assert.NotNull(await viaB.Client.GetGrain<IParticipantGrain>(Probe).ChallengeAsync());
        var host = (await viaB.Management.GetActivationAddress(viaB.Client.GetGrain<IParticipantGrain>(Probe), TestContext.Current.CancellationToken))?.Endpoint.Port;
        var across = host == ports[0].Silo ? viaB : viaA;
        Assert.NotNull(await across.Client.GetGrain<IParticipantGrain>(Probe).ChallengeAsync());
        Assert.Equal(host, (await across.Management.GetActivationAddress(across.Client.GetGrain<IParticipantGrain>(Probe), TestContext.Current.CancellationToken))?.Endpoint.Port);

        // The silo port takes silo certificates only: a gateway's (client authentication only) is refused. The refusal
        // is the silo's own verdict: its counter of silo-endpoint refusals rises by exactly this one handshake (A and B
        // trust each other, so nothing else is refused on A meanwhile) and it logs why, once, naming the certificate.
        const string GatewayAtSiloPort = "TLS connection refused on the silo endpoint: certificate 'CN=FR, O=Article42.Mesh development' is not valid for server authentication";
        var refusalsBefore = await SiloRefusalsAsync(ports[0]);
        var loggedBefore = Count(a, GatewayAtSiloPort);
        using (var gateway = TlsCertificates.Load(pki.Certificate("FR")))
        {
            // Refused by the silo (an alert or a closed connection), not a wait that ran out or any other failure.
            var refusal = await Record.ExceptionAsync(() => HandshakeAsync(ports[0].Silo, gateway));
            Assert.True(refusal is AuthenticationException or IOException, $"the silo port did not refuse a gateway certificate: {refusal?.GetType().Name ?? "accepted"} {refusal?.Message}");
        }

        await LogsAsync(a, GatewayAtSiloPort);
        await Deadline.UntilAsync(async () => await SiloRefusalsAsync(ports[0]) > refusalsBefore, TimeSpan.FromSeconds(10), $"a42_tls_refused_total{{a42_tls_endpoint=\"silo\"}} of silo A rising above {refusalsBefore}");
        Assert.Equal(refusalsBefore + 1, await SiloRefusalsAsync(ports[0]));
        Assert.Equal(loggedBefore + 1, Count(a, GatewayAtSiloPort));

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

        Assert.NotNull(await across.Client.GetGrain<IParticipantGrain>(Probe).ChallengeAsync());
    }

    [Fact]
    public async Task With_certificate_binding_a_grain_on_the_other_silo_serves_only_the_participant_named_by_the_gateways_certificate()
    {
        using var asSilo = ClusterSecretScope.Enter(ClusterSiloFlags.ClusterSecret); // the management grain and placement are not client calls
        await using var home = await ClusterHome.StartAsync(withTls: true);
        var keys = home.Keys;
        var ports = new[] { SiloPorts.Free(), SiloPorts.Free() };
        string[] shared =
        [
            .. ClusterSiloFlags.For(home), "--Tls:RequireClientCertificate=true", "--Tls:BindParticipant=true",
        ];
        await using var a = SiloProcess.Start("silo A", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[0].Flags()]);
        await using var b = SiloProcess.Start("silo B", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[1].Flags()]);
        await Task.WhenAll(a.ReadyAsync(), b.ReadyAsync());
        await using var operatorClient = await MeshClient.ConnectEmbeddedAsync(ports[1].Gateway, MeshTlsOptions.FromTrustStore(keys, TrustStore.OperatorKeyName));
        await Deadline.UntilAsync(async () => (await operatorClient.Management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30), "two active silos");

        // The operator's certificate speaks for no participant: its call through B is refused, but it places the
        // grain, on either silo. A gateway connected through the other silo then shows that the grain's silo found, in
        // Redis, the binding the gateway's silo recorded when that gateway connected.
        const string Owner = "PT";
        var grain = operatorClient.Client.GetGrain<IParticipantGrain>(Owner);
        var operatorRefused = await Assert.ThrowsAsync<MeshCallRefusedException>(async () => await grain.ChallengeAsync());
        Assert.Equal((ErrorCodes.CertificateSpeaksForAnother, Owner), (operatorRefused.Error.Code, operatorRefused.Error.Path));
        var host = (await operatorClient.Management.GetActivationAddress(grain, TestContext.Current.CancellationToken))?.Endpoint.Port;
        var otherGateway = host == ports[0].Silo ? ports[1].Gateway : ports[0].Gateway;

        await using (var owner = await MeshGateway.ConnectAsync(Options(keys, Owner, Owner, otherGateway), TestContext.Current.CancellationToken))
            Assert.NotEmpty((await owner.SendAsync(owner.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken)).Recipients);
        Assert.Equal(host, (await operatorClient.Management.GetActivationAddress(grain, TestContext.Current.CancellationToken))?.Endpoint.Port);
        const string Other = "FR";
        await using var impostor = await MeshGateway.ConnectAsync(Options(keys, Owner, Other, otherGateway), TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<MeshRefusedException>(() => impostor.SendAsync(impostor.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken));
        Assert.Equal($"error A42-SEC-002 {Owner}: ChallengeAsync on '{Owner}': this gateway connection's TLS client certificate speaks for '{Other}', not '{Owner}'", Assert.Single(refused.Errors).ToString());
    }

    private static MeshGatewayOptions Options(string keys, string participant, string certificateOf, int gatewayPort) => new()
    {
        Participant = participant,
        TrustStoreDirectory = keys,
        Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, gatewayPort)], Tls = MeshTlsOptions.FromTrustStore(keys, certificateOf) },
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
        using var wait = new CancellationTokenSource(Deadline.Scaled(TimeSpan.FromSeconds(5)));
        if (await tls.ReadAsync(new byte[1], wait.Token) == 0)
            throw new IOException("the silo closed the connection");
    }

    /// <summary>A silo's count of refused TLS connections on its silo endpoint (<c>a42_tls_refused_total</c>), from its <c>/metrics</c>.</summary>
    private static async Task<double> SiloRefusalsAsync(SiloPorts silo)
    {
        using var http = OperatorHttp.Client();
        var metrics = await http.GetStringAsync(silo.Url("/metrics"), TestContext.Current.CancellationToken);
        return Regex.Matches(metrics, @"^a42_tls_refused_total\{[^}]*a42_tls_endpoint=""silo""[^}]*\} ([0-9.e+]+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static int Count(TestProcess silo, string text) => silo.Errors.Count(line => line.Contains(text, StringComparison.Ordinal));

    private static Task LogsAsync(TestProcess silo, string text) =>
        Deadline.UntilAsync(() => silo.Errors.Any(line => line.Contains(text, StringComparison.Ordinal)), TimeSpan.FromSeconds(30), $"{silo.Name} logging \"{text}\"\n{silo.Describe()}");
}
