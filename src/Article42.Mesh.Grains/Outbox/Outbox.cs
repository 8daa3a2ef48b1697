using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains;

/// <summary>A sender's outbox: one delivery pump per recipient with pending messages.</summary>
internal sealed class Outbox(
    string sender,
    JournalStream stream,
    IMessageJournal journal,
    IRegistryHolder registries,
    Func<string, DeliveryBatch, CancellationToken, Task<DeliveryOutcome>> deliver,
    Func<string, Task<long>> backlogOf,
    DeliveryOptions options,
    TimeProvider time,
    ILogger logger,
    Func<string, Task<long>>? urgentBacklogOf = null)
{
    private readonly Dictionary<string, DeliveryPump> _pumps = new(StringComparer.Ordinal);

    /// <summary>Restarts delivery to every recipient that still has pending messages (after activation).</summary>
    public async Task ResumeAsync(CancellationToken stopping)
    {
        foreach (var participant in registries.Current.Participants)
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

    /// <summary>
    /// The FLASH and OVERRIDE part of the recipient's inbox backlog as last reported (null until it was): unlike the
    /// whole backlog, which may start at 0, an unknown urgent share is asked for, so that a sender new to a recipient
    /// cannot add to a share that others already filled.
    /// </summary>
    public long? KnownUrgentBacklog(string recipient) => _pumps.TryGetValue(recipient, out var pump) ? pump.UrgentBacklog : null;

    /// <summary>Asks the recipient for its urgent backlog now (without a way to ask, as in tests that build an outbox alone: 0).</summary>
    public async Task<long> RefreshUrgentBacklogAsync(string recipient) =>
        (Pump(recipient).UrgentBacklog = urgentBacklogOf is null ? 0 : await urgentBacklogOf(recipient)).Value;

    public DeliveryPump Pump(string recipient)
    {
        if (!_pumps.TryGetValue(recipient, out var pump))
        {
            pump = new DeliveryPump(sender, recipient, stream, journal, registries, (batch, token) => deliver(recipient, batch, token), options, time, logger);
            _pumps[recipient] = pump;
        }
        return pump;
    }

    /// <summary>Completes when no pump is running.</summary>
    public Task IdleAsync() => Task.WhenAll(_pumps.Values.Select(p => p.Running));
}
