using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// Refuses, counts and logs a gateway connection that presented no client certificate where the mesh requires one
/// (<c>Tls:RequireClientCertificate</c>). Orleans' TLS middleware, asked to require a certificate, refuses such a
/// handshake itself without calling the mesh's validation (it calls it only with a certificate), so the refusal would
/// escape <c>a42_tls_refused_total</c>. The gateway endpoint therefore lets the handshake complete without one, and this
/// middleware, the first after TLS, closes the connection before Orleans reads a byte of it.
/// </summary>
internal static partial class GatewayCertificateRequirement
{
    /// <summary>What the handshake must allow so that a missing certificate reaches <see cref="Use"/>: requiring it there would refuse it unseen.</summary>
    public const RemoteCertificateMode HandshakeMode = RemoteCertificateMode.AllowCertificate;

    public static IConnectionBuilder Use(IConnectionBuilder builder)
    {
        var logger = builder.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayCertificateRequirement));
        return builder.Use(next => async context =>
        {
            if (context.Features.Get<ITlsConnectionFeature>()?.RemoteCertificate is null)
            {
                TlsTelemetry.CountRefused(SiloTlsBuilderExtensions.GatewayEndpoint);
                LogRefused(logger, context.RemoteEndPoint?.ToString());
                return; // not calling Orleans: the TLS middleware closes the connection
            }

            await next(context).ConfigureAwait(false);
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TLS connection refused on the gateway endpoint: {Peer} presented no client certificate, and this mesh requires one (Tls:RequireClientCertificate)")]
    private static partial void LogRefused(ILogger logger, string? peer);
}
