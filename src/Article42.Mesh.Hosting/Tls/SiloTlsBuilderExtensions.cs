using Article42.Mesh.Hosting.Configuration;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;
using StackExchange.Redis;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// TLS on every Orleans connection of a silo, each side with its own rule: silo-to-silo is always mutual (both present
/// a silo certificate: issued by the mesh's CA for server authentication), gateways must or may present a client
/// certificate of the mesh's CA (<c>Tls:RequireClientCertificate</c>). A certificate from any other CA, expired, or
/// for the wrong purpose is refused in the handshake, before Orleans reads a byte. With <c>Tls:BindParticipant</c> a
/// gateway connection may moreover call only the participant its certificate names.
/// </summary>
internal static class SiloTlsBuilderExtensions
{
    public const string SiloEndpoint = "silo";
    public const string GatewayEndpoint = "gateway";

    public static ISiloBuilder UseMeshTls(this ISiloBuilder silo, SiloTlsMaterial material, MeshSettings settings)
    {
        var tls = settings.Tls!;
        silo.Services.AddSingleton(services => new SiloCertificates(tls, material, TimeProvider.System, services.GetRequiredService<ILogger<SiloCertificates>>()));
        silo.Services.AddHostedService<SiloTlsWatch>();
        if (tls.BindParticipant)
            AddBinding(silo, settings);
        silo.Configure<SiloConnectionOptions>(connections =>
        {
            connections.ConfigureSiloInboundConnection(builder =>
            {
                var certificates = Certificates(builder);
                builder.UseServerTls(Server(certificates, TlsPurpose.Server, RemoteCertificateMode.RequireCertificate, SiloEndpoint));
                CloseWhenRevoked(builder, certificates, SiloEndpoint);
            });
            connections.ConfigureSiloOutboundConnection(builder =>
            {
                var certificates = Certificates(builder);
                builder.UseClientTls(Client(certificates));
                CloseWhenRevoked(builder, certificates, SiloEndpoint);
            });
            connections.ConfigureGatewayInboundConnection(builder =>
            {
                var clients = tls.RequireClientCertificate ? GatewayCertificateRequirement.HandshakeMode : RemoteCertificateMode.AllowCertificate;
                var certificates = Certificates(builder);
                builder.UseServerTls(Server(certificates, TlsPurpose.Client, clients, GatewayEndpoint));
                CloseWhenRevoked(builder, certificates, GatewayEndpoint);
                if (tls.RequireClientCertificate)
                    GatewayCertificateRequirement.Use(builder);
                if (tls.BindParticipant)
                {
                    var binding = builder.ApplicationServices.GetRequiredService<GatewayCertificateBinding>();
                    builder.Use(next => context => binding.OnConnectionAsync(context, next));
                }
            });
        });
        return silo;
    }

    private static void AddBinding(ISiloBuilder silo, MeshSettings settings)
    {
        if (settings.Profile == MeshProfile.Embedded)
        {
            silo.Services.AddSingleton<IGatewayIdentityBook, MemoryGatewayIdentityBook>();
        }
        else
        {
            silo.Services.AddSingleton<IGatewayIdentityBook>(_ =>
            {
                var redis = ConfigurationOptions.Parse(settings.Cluster.Redis!);
                redis.AbortOnConnectFail = false;
                return new RedisGatewayIdentityBook(ConnectionMultiplexer.Connect(redis), settings.Cluster.ServiceId);
            });
        }

        silo.Services.AddSingleton<GatewayCertificateBinding>();
        silo.AddIncomingGrainCallFilter<CertificateBindingFilter>();
    }

    private static SiloCertificates Certificates(IConnectionBuilder builder)
    {
        var certificates = builder.ApplicationServices.GetRequiredService<SiloCertificates>();
        TlsTelemetry.Watch(certificates);
        return certificates;
    }

    /// <summary>The first step after TLS: the connection is known with its peer certificate while it lasts, so that revoking the certificate closes it.</summary>
    private static void CloseWhenRevoked(IConnectionBuilder builder, SiloCertificates certificates, string endpoint) =>
        builder.Use(next => async context =>
        {
            using var tracked = certificates.Track(context, endpoint);
            await next(context).ConfigureAwait(false);
        });

    private static TlsOptions Server(SiloCertificates certificates, TlsPurpose peer, RemoteCertificateMode mode, string endpoint) => new()
    {
        LocalServerCertificateSelector = (_, _) => certificates.Current.Certificate,
        RemoteCertificateMode = mode,
        RemoteCertificateValidation = (certificate, chain, _) => certificates.Accept(certificate, chain, peer, endpoint),
    };

    private static TlsOptions Client(SiloCertificates certificates) => new()
    {
        LocalCertificate = certificates.Current.Certificate,
        LocalClientCertificateSelector = (_, _, _, _, _) => certificates.Current.Certificate,
        ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
        RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
        RemoteCertificateValidation = (certificate, chain, _) => certificates.Accept(certificate, chain, TlsPurpose.Server, SiloEndpoint),
    };
}
