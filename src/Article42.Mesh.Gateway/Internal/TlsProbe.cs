using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Gateway;

/// <summary>
/// Explains a failed connection attempt with one real TLS handshake of its own, because Orleans only sees a connection
/// that closed. With TLS 1.3 the server judges the client certificate after the client thinks the handshake is done,
/// so a refusal arrives as an alert on the first read: the probe reads briefly after the handshake. A
/// <see cref="GatewayProbe"/> without a problem means TLS is not the problem and connecting should simply go on.
/// </summary>
internal static class TlsProbe
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan AlertWait = TimeSpan.FromSeconds(2);

    public static async Task<GatewayProbe> DiagnoseAsync(IPEndPoint endpoint, MeshTlsOptions? tls, CancellationToken cancellation)
    {
        using var tcp = new TcpClient(endpoint.AddressFamily);
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            connect.CancelAfter(ConnectTimeout);
            try
            {
                await tcp.ConnectAsync(endpoint, connect.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellation.IsCancellationRequested)
            {
                return GatewayProbe.NothingListening; // not up (yet): keep trying
            }
        }

        string? siloProblem = null;
        var siloAnswered = false;
        var askedForCertificate = false;
        await using var stream = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            // .NET also asks for a certificate up front, before the server said anything; only a call that comes with the
            // server's certificate answers the server's CertificateRequest. The certificate is given only then: given up
            // front, .NET does not ask again, and a mesh that asked would look like a server that did not.
            LocalCertificateSelectionCallback = (_, _, _, remote, _) =>
            {
                askedForCertificate |= remote is not null;
                return remote is null ? null! : tls?.CurrentClientCertificate()!;
            },
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                siloAnswered = true;
                if (tls is null || certificate is null)
                    return tls is null;
                siloProblem = TlsPeerCheck.Problem(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), chain, tls.CertificateAuthorities, TlsPurpose.Server);
                return siloProblem is null;
            },
        };
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bound.CancelAfter(tls?.HandshakeTimeout ?? TimeSpan.FromSeconds(10));
        try
        {
            await stream.AuthenticateAsClientAsync(options, bound.Token).ConfigureAwait(false);
            // Every mesh gateway asks for a client certificate (required or allowed): a TLS server that does not is something else.
            if (!askedForCertificate)
                return Problem(new MeshError(ErrorCodes.TlsNotAMeshGateway, endpoint.ToString(), $"{endpoint} speaks TLS but is not a mesh gateway: it did not ask for a client certificate, as every mesh gateway does (check --gateway)"));
            if (tls is null)
                return Problem(Mismatch(endpoint, $"the mesh at {endpoint} requires TLS and this gateway connects without it: give it the mesh's CA and its client certificate (MeshGatewayOptions.Tls; a42: --tls-ca, --tls-cert)"));
            return Problem(await RefusedAfterHandshakeAsync(stream, endpoint, tls, cancellation).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            if (tls is null)
                return GatewayProbe.SomethingListening; // a plain mesh that failed for some other reason
            if (siloProblem is not null)
                return Problem(new MeshError(ErrorCodes.TlsSiloNotTrusted, endpoint.ToString(), $"the silo at {endpoint} is not trusted: {siloProblem} (this gateway trusts the CAs of MeshTlsOptions.CertificateAuthorities; a42: --tls-ca)"));
            if (!siloAnswered)
                return Problem(Mismatch(endpoint, $"the mesh at {endpoint} does not answer the TLS handshake: TLS is off there, or it is not a mesh gateway"));
            return Problem(Refused(endpoint, tls, ex));
        }
    }

    private static async Task<MeshError?> RefusedAfterHandshakeAsync(SslStream stream, IPEndPoint endpoint, MeshTlsOptions tls, CancellationToken cancellation)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        wait.CancelAfter(AlertWait);
        try
        {
            var read = await stream.ReadAsync(new byte[1], wait.Token).ConfigureAwait(false);
            return read == 0 ? Refused(endpoint, tls, null) : null;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null; // the silo is waiting for the Orleans preamble: it accepted this gateway's TLS
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return Refused(endpoint, tls, ex);
        }
    }

    private static MeshError Refused(IPEndPoint endpoint, MeshTlsOptions tls, Exception? alert)
    {
        var detail = alert?.InnerException?.Message ?? alert?.Message;
        var said = detail is null ? "" : $" ({detail.ReplaceLineEndings(" ").Trim()})";
        if (tls.CurrentClientCertificate() is not { } own)
            return new MeshError(ErrorCodes.TlsRefusedByMesh, endpoint.ToString(), $"the mesh at {endpoint} refused the TLS connection{said}: it requires a client certificate and this gateway has none (MeshTlsOptions.ClientCertificate; a42: --tls-cert)");
        var why = OwnView(own, tls);
        return new MeshError(ErrorCodes.TlsRefusedByMesh, endpoint.ToString(), $"the mesh at {endpoint} refused this gateway's certificate {TlsCertificates.Describe(own)}{said}: {why}");
    }

    /// <summary>What this side can see about its own certificate: the likely reason for a refusal.</summary>
    private static string OwnView(X509Certificate2 own, MeshTlsOptions tls)
    {
        if (own.NotAfter.ToUniversalTime() < DateTime.UtcNow)
            return $"it expired on {own.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        if (own.NotBefore.ToUniversalTime() > DateTime.UtcNow)
            return $"it is not valid before {own.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        if (TlsPeerCheck.Problem(own, null, tls.CertificateAuthorities, TlsPurpose.Client) is not null)
            return "it does not chain to the CA this gateway trusts either, and the mesh accepts only certificates of its own certificate authority";
        return "the mesh accepts only certificates of its own certificate authority that are valid now, allow client authentication and are not on its revocation list";
    }

    private static GatewayProbe Problem(MeshError? problem) => problem is null ? GatewayProbe.SomethingListening : new GatewayProbe(Listening: true, problem);

    private static MeshError Mismatch(IPEndPoint endpoint, string message) => new(ErrorCodes.TlsMismatch, endpoint.ToString(), message);
}
