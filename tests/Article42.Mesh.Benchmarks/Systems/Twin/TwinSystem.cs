using System.Net;
using Article42.Mesh.Load.Measuring;
using Article42.Mesh.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>
/// The raw-Orleans twin: a plain Orleans silo in this process on its own free ports (localhost clustering, no journal, no
/// telemetry, no HTTP), and one client connection per participant, driven exactly like the mesh's gateways. Its
/// <see cref="ITwinWork"/> makes it the raw twin or the crypto twin.
/// </summary>
internal sealed class TwinSystem : ISystemUnderTest
{
    private const string ClusterName = "bench-raw-twin";
    private readonly IHost _silo;
    private readonly ITwinWork _work;

    private TwinSystem(IHost silo, ITwinWork work, IReadOnlyList<IBenchGateway> gateways, DeliveryTracker tracker)
    {
        _silo = silo;
        _work = work;
        Gateways = gateways;
        Tracker = tracker;
    }

    public string Kind => _work.Kind;
    public IReadOnlyList<IBenchGateway> Gateways { get; }
    public DeliveryTracker Tracker { get; }
    public ServerProcesses? Servers => null;

    public static async Task<TwinSystem> StartAsync(IReadOnlyList<string> participants, ITwinWork work)
    {
        var ports = FreePorts.Take(2);
        var (siloPort, gatewayPort) = (ports[0], ports[1]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = ClusterName });
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ClusterName, clusterId: ClusterName));
        builder.Services.AddSingleton(work);
        var silo = builder.Build();
        await silo.StartAsync();

        var tracker = new DeliveryTracker();
        var gateways = await Task.WhenAll(participants.Select(async participant =>
            (IBenchGateway)new RawBenchGateway(await ConnectAsync(gatewayPort), participant, work, tracker)));
        return new TwinSystem(silo, work, gateways, tracker);
    }

    private static async Task<IHost> ConnectAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "bench-raw-gateway" });
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterName, ClusterName));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Gateways.Select(g => g.DisposeAsync().AsTask()));
        await _silo.StopAsync();
        _silo.Dispose();
        (_work as IDisposable)?.Dispose();
    }
}
