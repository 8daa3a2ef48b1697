using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// Makes the silo's <see cref="SiloCertificates"/> when the silo starts rather than at its first connection, which
/// Orleans builds the TLS pipeline for: its timer then reloads a revocation list (and closes a revoked certificate's
/// connections) and its gauges show from the start, even before any peer connected.
/// </summary>
internal sealed class SiloTlsWatch(SiloCertificates certificates) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        TlsTelemetry.Watch(certificates);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
