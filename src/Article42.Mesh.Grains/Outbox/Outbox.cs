using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains;

/// <summary>
/// A sender's outbox: one delivery pump per recipient and precedence with pending messages (a lane), each with one batch
/// in flight, so a FLASH or OVERRIDE never waits for a ROUTINE batch (issue 18; docs/design/architecture.md §4).
/// </summary>
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
    Func<string, Task<long>>? urgentBacklogOf = null,
    HeldBytes? held = null)
{
    private static readonly Precedence[] Lanes = Enum.GetValues<Precedence>();
    private readonly Dictionary<(string Recipient, Precedence Lane), DeliveryPump> _pumps = [];
    private readonly Dictionary<string, RecipientBacklog> _backlogs = new(StringComparer.Ordinal);
    private readonly HeldBytes _held = held ?? new HeldBytes(options.HeldBytesCap);
    private readonly DeliveryCheckpoint _checkpoint = new(stream, options, logger);

    /// <summary>
    /// Recipients whose queue held rows when this activation resumed: their lanes read the journal once before they
    /// trust memory. Every other lane starts empty and complete, fed by the submits of this activation (issue #18).
    /// </summary>
    private readonly HashSet<string> _unread = new(StringComparer.Ordinal);

    /// <summary>The key id each message was accepted under, passed on with its delivery (issue #21).</summary>
    public RecordedKeyIds AcceptedKeys { get; } = new(stream, journal, EntryTypes.Accepted);

    /// <summary>Restarts delivery to every recipient that still has pending messages (after activation).</summary>
    public async Task ResumeAsync(CancellationToken stopping)
    {
        foreach (var participant in registries.Current.Participants)
        {
            if ((await journal.FetchQueuedAsync(QueueIds.Outbox(sender, participant.Id), 1, cancellationToken: stopping)).Count > 0)
            {
                // One read says the queue is not empty; each lane then reads its own band once.
                _unread.Add(participant.Id);
                foreach (var lane in Lanes)
                    Kick(participant.Id, lane, stopping);
            }
        }
    }

    /// <summary>Makes sure the lane of <paramref name="lane"/> to <paramref name="recipient"/> runs (after a message of that precedence was queued).</summary>
    public void Kick(string recipient, Precedence lane, CancellationToken stopping) => Pump(recipient, lane).Kick(stopping);

    /// <summary>Holds a row just queued (its write committed) in the lane's memory, so the lane reads nothing to send it.</summary>
    public void Hold(string recipient, Precedence lane, HeldMessage row) => Pump(recipient, lane).Hold(row);

    /// <summary>The recipient's inbox backlog as last reported by a delivery (0 if unknown).</summary>
    public long KnownBacklog(string recipient) => _backlogs.TryGetValue(recipient, out var backlog) ? backlog.Total : 0;

    /// <summary>Asks the recipient for its backlog now: a full inbox that was since acknowledged lets traffic through again.</summary>
    public async Task<long> RefreshBacklogAsync(string recipient) => BacklogOf(recipient).Total = await backlogOf(recipient);

    /// <summary>
    /// The FLASH and OVERRIDE part of the recipient's inbox backlog as last reported (null until it was): unlike the
    /// whole backlog, which may start at 0, an unknown urgent share is asked for, so that a sender new to a recipient
    /// cannot add to a share that others already filled.
    /// </summary>
    public long? KnownUrgentBacklog(string recipient) => _backlogs.TryGetValue(recipient, out var backlog) ? backlog.Urgent : null;

    /// <summary>Asks the recipient for its urgent backlog now (without a way to ask, as in tests that build an outbox alone: 0).</summary>
    public async Task<long> RefreshUrgentBacklogAsync(string recipient) =>
        (BacklogOf(recipient).Urgent = urgentBacklogOf is null ? 0 : await urgentBacklogOf(recipient)).Value;

    public DeliveryPump Pump(string recipient, Precedence lane)
    {
        if (!_pumps.TryGetValue((recipient, lane), out var pump))
        {
            pump = new DeliveryPump(sender, recipient, lane, BacklogOf(recipient), stream, journal, registries, (batch, token) => deliver(recipient, batch, token), options, time, logger, AcceptedKeys,
                new HeldRows(_held, complete: !_unread.Contains(recipient)), _checkpoint);
            _pumps[(recipient, lane)] = pump;
        }
        return pump;
    }

    private RecipientBacklog BacklogOf(string recipient)
    {
        if (!_backlogs.TryGetValue(recipient, out var backlog))
        {
            backlog = new RecipientBacklog();
            _backlogs[recipient] = backlog;
        }
        return backlog;
    }

    /// <summary>Writes the delivery records that wait for the sender's next write now (when the activation goes).</summary>
    public Task CheckpointAsync() => _checkpoint.FlushAsync();

    /// <summary>Completes when no lane is running.</summary>
    public Task IdleAsync() => Task.WhenAll(_pumps.Values.Select(p => p.Running));
}
