using Article42.Mesh.Grains;
using Article42.Mesh.Hosting.Configuration;
using Article42.Mesh.Hosting.Connections;
using Article42.Mesh.Hosting.Health;
using Article42.Mesh.Hosting.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using StackExchange.Redis;

namespace Article42.Mesh.Hosting;

/// <summary>The one place that wires a silo: profile, journal, grains, HTTP endpoints, dashboard, shutdown.</summary>
public static class MeshHostBuilderExtensions
{
    public static WebApplicationBuilder AddArticle42Mesh(this WebApplicationBuilder builder, MeshStart start)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(start);
        var settings = start.Settings;

        // Standard output carries the start-up lines people and tests wait on; logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(settings.Http.Address, settings.Http.Port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = settings.Shutdown.Timeout);
        builder.Services.AddSingleton(start.Registry);
        builder.Services.AddSingleton(start.OperatorKey);
        builder.Services.AddSingleton(start.Journal);
        // The resolved secret (configured, or generated into the data directory) overrides whatever the grains bind from
        // their Security section; configuration stays what the operator gave, with nothing written back into it.
        builder.Services.PostConfigure<SecurityOptions>(security => security.ClusterSecret = start.ClusterSecret);
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("mesh", tags: [MeshEndpoints.ReadyTag]);
        builder.AddSiloTelemetry(settings);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = settings.Cluster.ClusterId;
                cluster.ServiceId = settings.Cluster.ServiceId;
            });
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(ConfigSections.Membership));
            UseProfile(silo, settings);
            if (start.Tls is { } tls)
                silo.UseMeshTls(tls, settings);
            silo.UseGatewayConnectionGuard(builder.Configuration);
            silo.AddMeshGrains(builder.Configuration);
            // Without it traces break at every Orleans hop (docs/design/orleans.md §2.9).
            silo.AddActivityPropagation();
            if (settings.Dashboard.Enabled)
                silo.AddDashboard();
        });
        return builder;
    }

    private static void UseProfile(ISiloBuilder silo, MeshSettings settings)
    {
        switch (settings.Profile)
        {
            case MeshProfile.Embedded:
                silo.UseLocalhostClustering(settings.Cluster.SiloPort, settings.Cluster.GatewayPort, new(settings.Cluster.AdvertiseIp, settings.Cluster.SiloPort), settings.Cluster.ServiceId, settings.Cluster.ClusterId);
                silo.Configure<EndpointOptions>(endpoints => endpoints.AdvertisedIPAddress = settings.Cluster.AdvertiseIp);
                silo.UseInMemoryReminderService();
                break;
            default:
                // Kubernetes listens on every address of the pod and advertises the pod IP (docs/design/orleans.md §2.13).
                silo.ConfigureEndpoints(settings.Cluster.AdvertiseIp, settings.Cluster.SiloPort, settings.Cluster.GatewayPort, listenOnAnyHostAddress: settings.Profile == MeshProfile.Kubernetes);
                if (settings.Pod.Name is { Length: > 0 } pod && settings.Profile == MeshProfile.Kubernetes)
                    silo.Configure<SiloOptions>(options => options.SiloName = pod);
                silo.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(settings.Cluster.Redis!));
                silo.UseRedisReminderService(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(settings.Cluster.Redis!));
                break;
        }
    }
}
