using Article42.Mesh.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Article42.Mesh.IntegrationTests;

/// <summary>An Orleans client of a cluster-profile mesh, finding gateways through the same Redis as the silos.</summary>
public sealed class MeshClient : IAsyncDisposable
{
    private readonly IHost host;

    private MeshClient(IHost host) => this.host = host;

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public IManagementGrain Management => Client.GetGrain<IManagementGrain>(0);

    public static Task<MeshClient> ConnectAsync(string redis, MeshTlsOptions? tls = null) => ConnectAsync(client => client.UseRedisClustering(redis), tls);

    /// <summary>A client of an embedded silo, through its gateway port (or of any silo, through its gateway only).</summary>
    public static Task<MeshClient> ConnectEmbeddedAsync(int gatewayPort, MeshTlsOptions? tls = null) =>
        ConnectAsync(client => client.UseStaticClustering(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, gatewayPort)), tls);

    /// <summary>A client of one silo's gateway at <paramref name="gateway"/> (a proxy's address, for instance).</summary>
    public static Task<MeshClient> ConnectGatewayAsync(System.Net.IPEndPoint gateway, CancellationToken cancellation = default) =>
        ConnectAsync(client => client.UseStaticClustering(gateway), null, cancellation);

    private static async Task<MeshClient> ConnectAsync(Action<IClientBuilder> clustering, MeshTlsOptions? tls, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            if (tls is not null)
                client.UseMeshTls(tls);
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = "a42";
                cluster.ServiceId = "article42-mesh";
            });

            // A call through a dying silo must fail fast, not after the default 30 s (docs/design/orleans.md §2.2).
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            host.Dispose();
            throw;
        }

        return new MeshClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
