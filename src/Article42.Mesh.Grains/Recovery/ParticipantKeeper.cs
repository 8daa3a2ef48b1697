using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Wakes every participant of the registry when the silo starts, whenever a silo is declared dead, and
/// periodically, so a grain with pending deliveries is activated and resumes them after a crash or a whole-cluster
/// restart without any outside call. Each silo runs one; a wake is idempotent.
/// </summary>
internal sealed class ParticipantKeeper(
    IGrainFactory grains,
    IRegistryHolder registries,
    IClusterMembershipService membership,
    IOptions<DeliveryOptions> options,
    MeshClock clock,
    ILogger<ParticipantKeeper> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PeriodicallyAsync(stoppingToken), OnSiloDeathAsync(stoppingToken));

    private async Task PeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeeperInterval, clock.Time);
        do
        {
            await WakeEveryoneAsync();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>A dead silo's grains hold pending deliveries until something calls them: call them now.</summary>
    private async Task OnSiloDeathAsync(CancellationToken stoppingToken)
    {
        ClusterMembershipSnapshot? previous = null;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var died = previous is not null && snapshot.CreateUpdate(previous).Changes.Any(m => m.Status == SiloStatus.Dead);
            previous = snapshot;
            if (died)
                await WakeEveryoneAsync();
        }
    }

    private async Task WakeEveryoneAsync()
    {
        foreach (var participant in registries.Current.Participants)
        {
            try
            {
                await grains.GetGrain<IParticipantGrain>(participant.Id).WakeAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not wake participant {Participant}; the next round retries", participant.Id);
            }
        }
    }
}
