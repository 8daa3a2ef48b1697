using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Pokes every participant of the registry when the silo starts and then periodically, so a grain with pending
/// deliveries is activated and resumes them after a crash or a whole-cluster restart without any outside call.
/// Each silo runs one; a poke is idempotent.
/// </summary>
internal sealed class ParticipantKeeper(
    IGrainFactory grains,
    ParticipantRegistry registry,
    IOptions<DeliveryOptions> options,
    MeshClock clock,
    ILogger<ParticipantKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeeperInterval, clock.Time);
        do
        {
            foreach (var participant in registry.Participants)
            {
                try
                {
                    await grains.GetGrain<IParticipantGrain>(participant.Id).WakeAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not wake participant {Participant}; next round retries", participant.Id);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
