using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Article42.Mesh.Grains;

/// <summary>
/// Backlog and oldest-unacknowledged age per participant, observed from the live inboxes of this silo so an
/// on-call engineer sees a backlog build before an SLO breaks.
/// </summary>
internal static class InboxGauges
{
    // Keyed by inbox, not participant: while an activation moves between silos (or test clusters share a process)
    // two inboxes of one participant can be live at once, and each reports what it holds.
    private static readonly ConcurrentDictionary<Inbox, string> Live = new();
    private static readonly ConcurrentDictionary<Inbox, HeldBytes> Held = new();

    static InboxGauges()
    {
        MeshTelemetry.Meter.CreateObservableGauge("a42.inbox.backlog",
            () => Live.Select(p => new Measurement<long>(p.Key.Backlog, new KeyValuePair<string, object?>("a42.participant", p.Value))),
            "{message}", "Unacknowledged messages in a participant's inbox.");
        MeshTelemetry.Meter.CreateObservableGauge("a42.inbox.oldest_unacknowledged_age",
            () => Live.Where(p => p.Key.OldestAge is not null).Select(p => new Measurement<double>(p.Key.OldestAge!.Value.TotalSeconds, new KeyValuePair<string, object?>("a42.participant", p.Value))),
            "s", "Age of the oldest unacknowledged message in a participant's inbox.");
        MeshTelemetry.Meter.CreateObservableGauge("a42.participant.held_bytes",
            () => Held.Select(p => new Measurement<long>(p.Value.Held, new KeyValuePair<string, object?>("a42.participant", Live.GetValueOrDefault(p.Key)))),
            "By", "Bytes of message bodies a participant's activation holds in memory (Delivery:HeldBytesCap).");
    }

    public static void Track(string participant, Inbox inbox, HeldBytes held)
    {
        Live[inbox] = participant;
        Held[inbox] = held;
    }

    public static void Forget(Inbox inbox)
    {
        Live.TryRemove(inbox, out _);
        Held.TryRemove(inbox, out _);
    }
}
