using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// Endpoints that are not a mesh, on loopback in the test process: a port nothing listens on, a TCP server that accepts
/// and never speaks, and a TLS server with a self-signed certificate that asks for no client certificate (as
/// <c>openssl s_server</c> does).
/// </summary>
public sealed class NotAMesh : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;

    private NotAMesh(X509Certificate2? certificate)
    {
        _listener.Start();
        _accepting = AcceptAsync(certificate);
    }

    public string Endpoint => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>A loopback port that was free a moment ago, with nothing listening on it.</summary>
    public static string NothingListening()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return $"127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
    }

    public static NotAMesh Silent() => new(null);

    public static NotAMesh Tls()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=not-a-mesh", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Exported and loaded again so that the private key is usable by SslStream on Linux.
        return new(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null));
    }

    private async Task AcceptAsync(X509Certificate2? certificate)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_held)
                    _held.Add(client);
                if (certificate is not null)
                    _ = HandshakeAsync(client, certificate);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task HandshakeAsync(TcpClient client, X509Certificate2 certificate)
    {
        try
        {
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, ClientCertificateRequired = false }, _stop.Token);
            // Then reads what comes and says nothing, as a server waiting for its own protocol would.
            while (await tls.ReadAsync(new byte[4096], _stop.Token) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            // The client went away or spoke something else than TLS.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_held)
        {
            foreach (var client in _held)
                client.Dispose();
        }
        _stop.Dispose();
    }
}
