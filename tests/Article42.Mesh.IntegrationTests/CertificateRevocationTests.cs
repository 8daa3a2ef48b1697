using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// <c>Tls:RevocationList</c> on a silo process with mutual TLS: a gateway certificate on the list at start is refused
/// at the handshake, even though the list is overdue (fail-open); one revoked while its gateway is connected loses the
/// connection and is refused at its next handshake, without a restart; a silo certificate on the list is refused on the
/// silo-to-silo endpoint; a bad list on reload is logged once and the list in use stays; and a gateway whose
/// certificate files were renewed presents the new certificate when it reconnects.
/// </summary>
public sealed class CertificateRevocationTests(RevocationMesh mesh) : IClassFixture<RevocationMesh>
{
    private static readonly TimeSpan RefusedWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_gateway_certificate_on_an_overdue_list_at_start_is_still_refused_with_A42_TLS_001_logged_and_counted()
    {
        Assert.Matches(@": 1 certificates revoked, OVERDUE since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(still used; issue a new list\)$", await mesh.Silo.LineAsync("revocations"));
        using var pt = TlsCertificates.Load(mesh.Pki.Certificate("PT"));
        var counted = await RefusalsAsync("gateway");

        var refused = await RefusedAsync("PT");

        Assert.Equal(ErrorCodes.TlsRefusedByMesh, refused.Code);
        Assert.Contains("refused this gateway's certificate 'CN=PT", refused.Message, StringComparison.Ordinal);
        await SiloLogsAsync($"TLS connection refused on the gateway endpoint: certificate 'CN=PT, O=Article42.Mesh development' (serial {RevocationList.SerialOf(pt)}) is revoked: it is on the revocation list number ");
        await SiloLogsAsync("is overdue: its next update was due");
        await CountedAsync("gateway", counted);
        Assert.Matches(@"(?m)^a42_tls_revocation_list_next_update_seconds(\{[^}]*\})? -?[0-9.e+]+$", await MetricsAsync());
    }

    [Fact]
    public async Task A_list_past_its_next_update_stays_in_use_and_is_said_to_be_overdue()
    {
        using var sk = TlsCertificates.Load(mesh.Pki.Certificate("SK"));
        var due = DateTimeOffset.UtcNow.AddMinutes(-1);

        mesh.Revoke(due, sk);

        await SiloLogsAsync($"TLS revocation list {mesh.Pki.RevocationList} is overdue: its next update was due {due.UtcDateTime:yyyy-MM-dd HH:mm} UTC; it stays in use");
        Assert.Equal(ErrorCodes.TlsRefusedByMesh, (await RefusedAsync("SK")).Code);
        await SiloLogsAsync($"TLS connection refused on the gateway endpoint: certificate 'CN=SK, O=Article42.Mesh development' (serial {RevocationList.SerialOf(sk)}) is revoked");
        Assert.Matches(@"(?m)^a42_tls_revocation_list_next_update_seconds(\{[^}]*\})? -[0-9.e+]+$", await MetricsAsync());
        mesh.Revoke(); // a list in date again, for the other tests of the class
    }

    [Fact]
    public async Task A_gateway_certificate_revoked_while_connected_loses_its_connection_and_is_refused_at_its_next_handshake()
    {
        await using var hu = await MeshGateway.ConnectAsync(mesh.Gateway("HU", MeshTlsOptions.FromTrustStore(mesh.Keys, "HU")), TestContext.Current.CancellationToken);
        await using var fr = await MeshGateway.ConnectAsync(mesh.Gateway("FR", MeshTlsOptions.FromTrustStore(mesh.Keys, "FR")), TestContext.Current.CancellationToken);
        Assert.NotNull(await hu.SendAsync(hu.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken));
        using var revoked = TlsCertificates.Load(mesh.Pki.Certificate("HU"));
        var counted = await RefusalsAsync("gateway");

        mesh.Revoke(revoked);

        await SiloLogsAsync($"TLS connection closed on the gateway endpoint: certificate 'CN=HU, O=Article42.Mesh development' (serial {RevocationList.SerialOf(revoked)}) is revoked");
        await CountedAsync("gateway", counted);
        var refused = await RefusedAsync("HU");
        Assert.Equal(ErrorCodes.TlsRefusedByMesh, refused.Code);
        await SiloLogsAsync("TLS connection refused on the gateway endpoint: certificate 'CN=HU, O=Article42.Mesh development'");
        Assert.NotNull(await fr.SendAsync(fr.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_silo_certificate_on_the_list_is_refused_on_the_silo_to_silo_endpoint()
    {
        using var authority = mesh.Authority();
        using var stolen = DevelopmentPki.IssueSilo(authority, "a42-silo-stolen", TlsDirectory.SiloHosts, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(90));
        mesh.Revoke(stolen);
        await SiloLogsAsync($"TLS revocation list reloaded: {mesh.Pki.RevocationList}");
        var counted = await RefusalsAsync("silo");

        await HandshakeAndAwaitTheVerdictAsync(mesh.Ports.Silo, stolen);

        await SiloLogsAsync($"TLS connection refused on the silo endpoint: certificate 'CN=a42-silo-stolen, O=Article42.Mesh development' (serial {RevocationList.SerialOf(stolen)}) is revoked");
        await CountedAsync("silo", counted);
    }

    [Fact]
    public async Task A_bad_or_older_list_on_reload_is_logged_once_and_the_list_in_use_stays()
    {
        // Number 2 or more (the first list is then an older one), revoking CZ, which the first list does not: a silo that
        // took up the older list would let CZ in again, where PT, on both lists, stays refused either way.
        using var cz = TlsCertificates.Load(mesh.Pki.Certificate("CZ"));
        mesh.Revoke(cz);
        var inUse = RevocationList.Read(mesh.LastList)[0];
        await SiloLogsAsync($"revoked certificates (number {inUse.Number} of");
        Assert.Equal(ErrorCodes.TlsRefusedByMesh, (await RefusedAsync("CZ")).Code);
        mesh.WriteRaw("-----BEGIN X509 CRL-----\nbm90IGEgbGlzdA==\n-----END X509 CRL-----\n"u8.ToArray());
        await SiloLogsAsync("TLS revocation list changed but cannot be used; the previous list stays in use: error A42-CFG-019 Tls:RevocationList: cannot read");
        Assert.Equal(ErrorCodes.TlsRefusedByMesh, (await RefusedAsync("PT")).Code);
        await using (var nl = await MeshGateway.ConnectAsync(mesh.Gateway("NL", MeshTlsOptions.FromTrustStore(mesh.Keys, "NL")), TestContext.Current.CancellationToken))
            Assert.NotNull(await nl.SendAsync(nl.Draft(MessageKind.Sitrep, "LU"), TestContext.Current.CancellationToken));
        Assert.Single(mesh.Silo.Errors, line => line.Contains("A42-CFG-019", StringComparison.Ordinal));

        mesh.WriteRaw(Encoding.ASCII.GetBytes(PemEncoding.WriteString("X509 CRL", mesh.FirstList)));
        await SiloLogsAsync($"the previous list stays in use: error A42-CFG-020 Tls:RevocationList: the revocation list of 'CN=Article42.Mesh development CA");
        await SiloLogsAsync($"is number 1, older than number {inUse.Number} in use");
        Assert.Equal(ErrorCodes.TlsRefusedByMesh, (await RefusedAsync("PT")).Code);
        Assert.Equal(ErrorCodes.TlsRefusedByMesh, (await RefusedAsync("CZ")).Code);

        mesh.Revoke(); // a good list again, for the other tests of the class
        await SiloLogsAsync($"{RevocationList.Read(mesh.LastList)[0].Serials.Count} revoked certificates (number {RevocationList.Read(mesh.LastList)[0].Number} of");
    }

    [Fact]
    public async Task A_gateway_presents_its_renewed_certificate_files_when_it_reconnects_without_a_restart()
    {
        var files = new TlsDirectory(Path.Combine(mesh.Keys, "lu-gateway"));
        using var authority = mesh.Authority();
        using var old = DevelopmentPki.IssueGateway(authority, "LU", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        files.Write("LU", old);
        await using var lu = await MeshGateway.ConnectAsync(mesh.Gateway("LU", MeshTlsOptions.FromFiles(mesh.Pki.AuthorityCertificate, files.Certificate("LU"))), TestContext.Current.CancellationToken);
        Assert.NotNull(await lu.SendAsync(lu.Draft(MessageKind.Sitrep, "BE"), TestContext.Current.CancellationToken));
        using var renewed = DevelopmentPki.IssueGateway(authority, "LU", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(90));

        files.Write("LU", renewed);
        mesh.Revoke(old);

        await SiloLogsAsync($"TLS connection closed on the gateway endpoint: certificate 'CN=LU, O=Article42.Mesh development' (serial {RevocationList.SerialOf(old)}) is revoked");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(Deadline.Scaled(TimeSpan.FromSeconds(60)));
        Assert.NotNull(await lu.SendAsync(lu.Draft(MessageKind.Sitrep, "BE"), bound.Token));
    }

    /// <summary>
    /// A TLS handshake presenting <paramref name="client"/>, then a read until the silo closes or answers: with TLS 1.3
    /// the server judges the client's certificate after the client's handshake ended, and a client that closed at once
    /// could take its certificate away unjudged.
    /// </summary>
    private static async Task HandshakeAndAwaitTheVerdictAsync(int port, X509Certificate2 client)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        using var verdict = new CancellationTokenSource(Deadline.Scaled(TimeSpan.FromSeconds(10)));
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = [client],
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            }, verdict.Token);
            _ = await tls.ReadAsync(new byte[1], verdict.Token);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
        {
            // The refusal itself (an alert, a reset) or a silo waiting for more: its log says which.
        }
    }

    /// <summary>Connects with <paramref name="participant"/>'s development certificate and expects a <see cref="MeshTlsException"/> within <see cref="RefusedWithin"/>.</summary>
    private async Task<MeshError> RefusedAsync(string participant)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(Deadline.Scaled(RefusedWithin));
        var refused = await Assert.ThrowsAsync<MeshTlsException>(async () =>
            await (await MeshGateway.ConnectAsync(mesh.Gateway(participant, MeshTlsOptions.FromTrustStore(mesh.Keys, participant)), bound.Token)).DisposeAsync());
        return refused.Error;
    }

    private async Task<double> RefusalsAsync(string endpoint) =>
        Regex.Matches(await MetricsAsync(), $@"^a42_tls_refused_total\{{[^}}]*a42_tls_endpoint=""{endpoint}""[^}}]*\}} ([0-9.e+]+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private Task CountedAsync(string endpoint, double before) =>
        Deadline.UntilAsync(async () => await RefusalsAsync(endpoint) > before, TimeSpan.FromSeconds(10), $"a42_tls_refused_total{{a42_tls_endpoint=\"{endpoint}\"}} rising above {before}");

    private async Task<string> MetricsAsync()
    {
        using var http = OperatorHttp.Client();
        return await http.GetStringAsync(mesh.Ports.Url("/metrics"), TestContext.Current.CancellationToken);
    }

    /// <summary>Waits for <paramref name="text"/> in the silo's log; a timeout shows the silo's TLS lines (the log's tail is the participant keeper's).</summary>
    private Task SiloLogsAsync(string text) =>
        Deadline.UntilAsync(
            () => mesh.Silo.Errors.Concat(mesh.Silo.Output).Any(line => line.Contains(text, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20),
            $"the silo logging \"{text}\"; its TLS lines:\n{string.Join('\n', mesh.Silo.Errors.Concat(mesh.Silo.Output).Where(line => line.Contains("TLS", StringComparison.Ordinal) || line.Contains("revocation", StringComparison.Ordinal)))}");
}
