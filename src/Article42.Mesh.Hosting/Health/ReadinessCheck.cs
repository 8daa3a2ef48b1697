using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Hosting.Health;

/// <summary>
/// Ready = this silo is an active member of the cluster, the journal answers a query, and the host is not
/// shutting down (from SIGTERM on, probes see 503 and stop sending work here).
/// </summary>
internal sealed class ReadinessCheck(
    IHostApplicationLifetime lifetime,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IMessageJournal journal) : IHealthCheck
{
    private static readonly TimeSpan JournalTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return HealthCheckResult.Unhealthy("shutting down");
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        if (status != SiloStatus.Active)
            return HealthCheckResult.Unhealthy($"silo is {status}, not an active member of the cluster");
        try
        {
            await journal.GetVersionAsync("a42.health", cancellationToken).AsTask().WaitAsync(JournalTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"journal does not answer: {OneLine.Of(ex.Message)}");
        }

        return HealthCheckResult.Healthy();
    }
}
