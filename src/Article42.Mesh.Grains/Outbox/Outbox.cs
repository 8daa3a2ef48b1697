using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains;

/// <summary>A sender's outbox: one delivery pump per recipient with pending messages.</summary>
internal sealed class Outbox(
    string sender,
    JournalStream stream,
    IMessageJournal journal,
    ParticipantRegistry registry,
    Func<string, DeliveryBatch, CancellationToken, Task<DeliveryOutcome>> deliver,
    Func<string, Task<long>> backlogOf,
    DeliveryOptions options,
    TimeProvider time,
    ILogger logger)
{
    private readonly Dictionary<string, DeliveryPump> _pumps = new(StringComparer.Ordinal);

    /// <summary>Restarts delivery to every recipient that still has pending messages (after activation).</summary>
    public async Task ResumeAsync(CancellationToken stopping)
    {
        foreach (var participant in registry.Participants)
        {
            if ((await journal.FetchQueuedAsync(QueueIds.Outbox(sender, participant.Id), 1, cancellationToken: stopping)).Count > 0)
                Kick(participant.Id, stopping);
        }
    }

    public void Kick(string recipient, CancellationToken stopping) => Pump(recipient).Kick(stopping);

    /// <summary>The recipient's inbox backlog as last reported by a delivery (0 if unknown).</summary>
    public long KnownBacklog(string recipient) => _pumps.TryGetValue(recipient, out var pump) ? pump.Backlog : 0;

    /// <summary>Asks the recipient for its backlog now: a full inbox that was since acknowledged lets traffic through again.</summary>
    public async Task<long> RefreshBacklogAsync(string recipient) => Pump(recipient).Backlog = await backlogOf(recipient);

    public DeliveryPump Pump(string recipient)
    {
        if (!_pumps.TryGetValue(recipient, out var pump))
        {
            pump = new DeliveryPump(sender, recipient, stream, journal, registry, (batch, token) => deliver(recipient, batch, token), options, time, logger);
            _pumps[recipient] = pump;
        }
        return pump;
    }

    /// <summary>Completes when no pump is running.</summary>
    public Task IdleAsync() => Task.WhenAll(_pumps.Values.Select(p => p.Running));
}
