using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Article42.Mesh.Hosting.Tls;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A bare TCP connection to a silo's gateway that says only Orleans' client preamble (a fresh client id) and waits
/// for the silo's: the smallest thing that counts as an open gateway connection.
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

    public static async Task<RawGatewayConnection> OpenAsync(int gatewayPort, TimeSpan within)
    {
        var connection = new RawGatewayConnection();
        await connection._tcp.ConnectAsync(IPAddress.Loopback, gatewayPort);
        var stream = connection._tcp.GetStream();
        var preamble = new ArrayBufferWriter<byte>();
        Serialization.GetRequiredService<Serializer<ClientPreamble>>().Serialize(
            new ClientPreamble { NodeIdentity = GrainId.Create("sys.client", Guid.NewGuid().ToString("N")), ClusterId = MeshDefaults.ClusterId }, preamble);
        using var bounded = new CancellationTokenSource(Deadline.Scaled(within));
        var answer = new byte[4];
        try
        {
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

    public void Dispose() => _tcp.Dispose();
}
