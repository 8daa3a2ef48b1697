using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Hosting.Tls;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A bare TCP connection to a silo's gateway that says only Orleans' client preamble (a fresh client id, or the one
/// given) and waits for the silo's: the smallest thing that counts as an open gateway connection.
/// </summary>
public sealed class RawGatewayConnection : IDisposable
{
    private static readonly ServiceProvider Serialization = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(ClientPreamble).Assembly))
        .BuildServiceProvider();

    private readonly TcpClient _tcp = new();

    private RawGatewayConnection()
    {
    }

    /// <summary>True when the silo answered with its own preamble; false when it closed the connection first.</summary>
    public bool Accepted { get; private set; }

    private SslStream? _tls;

    /// <summary>
    /// Opens the connection, over mutual TLS presenting <paramref name="certificate"/> when one is given (the silo's
    /// own certificate is not checked: only the silo's verdict on this connection matters here), its preamble naming
    /// <paramref name="client"/> (another client's id, say) or else a fresh client id.
    /// </summary>
    public static async Task<RawGatewayConnection> OpenAsync(int gatewayPort, TimeSpan within, X509Certificate2? certificate = null, GrainId? client = null)
    {
        var connection = new RawGatewayConnection();
        var preamble = new ArrayBufferWriter<byte>();
        Serialization.GetRequiredService<Serializer<ClientPreamble>>().Serialize(
            new ClientPreamble { NodeIdentity = client ?? GrainId.Create("sys.client", Guid.NewGuid().ToString("N")), ClusterId = MeshDefaults.ClusterId }, preamble);
        using var bounded = new CancellationTokenSource(Deadline.Scaled(within));
        var answer = new byte[4];
        try
        {
            // A silo at its cap may close the socket while it is still being set up: that too is "not accepted".
            await connection._tcp.ConnectAsync(IPAddress.Loopback, gatewayPort, bounded.Token);
            Stream stream = connection._tcp.GetStream();
            if (certificate is not null)
            {
                connection._tls = new SslStream(stream);
                await connection._tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",
                    ClientCertificates = [certificate],
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                }, bounded.Token);
                stream = connection._tls;
            }

            await stream.WriteAsync(BitConverter.GetBytes(preamble.WrittenCount), bounded.Token);
            await stream.WriteAsync(preamble.WrittenMemory, bounded.Token);
            connection.Accepted = await stream.ReadAtLeastAsync(answer, answer.Length, throwOnEndOfStream: false, bounded.Token) == answer.Length;
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            connection.Accepted = false; // closed or reset by the silo
        }

        return connection;
    }

    public void Dispose()
    {
        _tls?.Dispose();
        _tcp.Dispose();
    }
}
