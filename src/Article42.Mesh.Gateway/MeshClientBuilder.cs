using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Article42.Mesh.Gateway;

/// <summary>
/// The one place an Orleans client to the mesh is built: the gateway endpoints of its <see cref="MeshConnection"/>, cluster and
/// service ids, TLS when configured, the call timeout as the client's response timeout, trace propagation, and
/// connection attempts retried with backoff when asked (docs/design/orleans.md §2.4). A gateway, an operator tool and the
/// exercise runner all start their client here.
/// </summary>
public static class MeshClientBuilder
{
    /// <summary>
    /// Builds and starts a host holding the client (its <see cref="IClusterClient"/> is in <c>Services</c>); the caller
    /// stops and disposes it. <paramref name="configure"/> adds what one user needs on top (connection handlers).
    /// </summary>
    /// <exception cref="MeshTlsException">A TLS connection cannot work (with <see cref="MeshClientOptions.RetryConnection"/>).</exception>
    public static async Task<IHost> StartAsync(MeshClientOptions options, Action<IClientBuilder>? configure = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "a42-mesh-client" });
        builder.UseOrleansClient(client =>
        {
            // A client finds the mesh by its gateway endpoints only: it holds no credential of the membership store.
            client.UseStaticClustering([.. options.Connection.Endpoints]);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.Connection.ClusterId;
                o.ServiceId = options.Connection.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.CallTimeout);
            if (options.Connection.Tls is { } tls)
                client.UseMeshTls(tls);
            // Grain calls carry the current span's context, so the silo's Orleans spans join the caller's trace.
            client.AddActivityPropagation();
            if (options.RetryConnection)
                client.Services.AddSingleton<IClientConnectionRetryFilter>(_ => new ConnectionRetry(options));
            configure?.Invoke(client);
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
