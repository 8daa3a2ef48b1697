using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Article42.Mesh.Gateway;

/// <summary>
/// The Orleans client host of <see cref="MeshGateway.ConnectAsync"/>: static gateway endpoints or Redis discovery,
/// connection attempts retried with backoff until the caller cancels (docs/design/orleans.md §2.4) or a TLS failure explains
/// them, TLS when configured, the call timeout as the client's response timeout, and connection changes reported to
/// the gateway (which re-opens its session and fetches again).
/// </summary>
internal static class ClientHost
{
    public static async Task<IHost> StartAsync(MeshGatewayOptions options, Action connectionChanged, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "a42-gateway" });
        builder.UseOrleansClient(client =>
        {
            if (options.RedisConnectionString is { } redis)
                client.UseRedisClustering(redis);
            else
                client.UseStaticClustering([.. options.Endpoints]);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.CallTimeout);
            if (options.Tls is { } tls)
                client.UseMeshTls(tls);
            // Grain calls carry the current span's context, so the silo's Orleans spans join the gateway's trace.
            client.AddActivityPropagation();
            client.Services.AddSingleton<IClientConnectionRetryFilter>(services => new ConnectionRetry(options, services.GetRequiredService<IGatewayListProvider>()));
            client.AddClusterConnectionLostHandler((_, _) => connectionChanged());
            client.AddGatewayCountChangedHandler((_, e) =>
            {
                if (e.ConnectionRecovered)
                    connectionChanged();
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation).ConfigureAwait(false);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
