using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Article42.Mesh.Hosting.Connections;

/// <summary>The gateway endpoint's guard and Orleans' message size limits, on every profile, with or without TLS.</summary>
internal static class GatewayConnectionSiloBuilderExtensions
{
    /// <summary>Call after TLS is configured: the guard must read decrypted bytes, so it comes after TLS in the gateway's middleware.</summary>
    public static ISiloBuilder UseGatewayConnectionGuard(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.Configure<GatewayConnectionOptions>(configuration.GetSection(GatewayConnectionOptions.Section));
        silo.Services.AddSingleton<ClientPreambleReader>();
        silo.Services.AddSingleton<GatewayConnectionGuard>();
        silo.Configure<SiloMessagingOptions>(messaging =>
        {
            messaging.MaxMessageHeaderSize = MeshDefaults.SiloMessageHeaderBytes;
            messaging.MaxMessageBodySize = MeshDefaults.SiloMessageBodyBytes;
        });
        silo.Configure<SiloConnectionOptions>(connections => connections.ConfigureGatewayInboundConnection(builder =>
        {
            var guard = builder.ApplicationServices.GetRequiredService<GatewayConnectionGuard>();
            builder.Use(next => context => guard.OnConnectionAsync(context, next));
        }));
        return silo;
    }
}
