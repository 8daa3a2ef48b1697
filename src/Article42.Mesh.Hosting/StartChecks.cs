using System.Net;
using System.Net.Sockets;
using Article42.Mesh.Hosting.Configuration;
using StackExchange.Redis;

namespace Article42.Mesh.Hosting;

/// <summary>
/// What commonly stops a silo half-way through its start (a port in use, Redis down) is checked first, so the
/// operator reads one line naming the key instead of the runtime's log of a failed start.
/// </summary>
internal static class StartChecks
{
    public static async Task RunAsync(MeshSettings settings)
    {
        var orleansAddress = settings.Profile == MeshProfile.Kubernetes ? IPAddress.Any : settings.Cluster.AdvertiseIp;
        CheckFree(ConfigKeys.SiloPort, orleansAddress, settings.Cluster.SiloPort);
        CheckFree(ConfigKeys.GatewayPort, orleansAddress, settings.Cluster.GatewayPort);
        CheckFree(ConfigKeys.HttpPort, settings.Http.Address, settings.Http.Port);
        if (settings.Cluster.Redis is { } redis && settings.Profile != MeshProfile.Embedded)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(redis).ConfigureAwait(false);
            }
            catch (RedisException ex)
            {
                throw new MeshStartException(new MeshError(ConfigErrorCodes.RedisUnavailable, ConfigKeys.Redis, $"cannot reach Redis: {OneLine.Of(ex.Message)}"));
            }
        }
    }

    private static void CheckFree(string key, IPAddress address, int port)
    {
        try
        {
            var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
        }
        catch (SocketException ex)
        {
            throw new MeshStartException(new MeshError(ConfigErrorCodes.SiloStartFailed, key, $"cannot listen on {new IPEndPoint(address, port)}: {OneLine.Of(ex.Message)}"));
        }
    }
}
