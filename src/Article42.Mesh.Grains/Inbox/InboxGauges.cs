using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Article42.Mesh.Grains;

/// <summary>
/// Backlog and oldest-unacknowledged age per participant, observed from the live inboxes of this silo so an
/// on-call engineer sees a backlog build before an SLO breaks.
/// </summary>
internal static class InboxGauges
{
    private static readonly ConcurrentDictionary<string, Inbox> Live = new(StringComparer.Ordinal);

    static InboxGauges()
    {
        MeshTelemetry.Meter.CreateObservableGauge("a42.inbox.backlog",
            () => Live.Select(p => new Measurement<long>(p.Value.Backlog, new KeyValuePair<string, object?>("a42.participant", p.Key))),
            "{message}", "Unacknowledged messages in a participant's inbox.");
        MeshTelemetry.Meter.CreateObservableGauge("a42.inbox.oldest_unacknowledged_age",
            () => Live.Where(p => p.Value.OldestAge is not null).Select(p => new Measurement<double>(p.Value.OldestAge!.Value.TotalSeconds, new KeyValuePair<string, object?>("a42.participant", p.Key))),
            "s", "Age of the oldest unacknowledged message in a participant's inbox.");
    }

    public static void Track(string participant, Inbox inbox) => Live[participant] = inbox;

    public static void Forget(string participant, Inbox inbox) => Live.TryRemove(new KeyValuePair<string, Inbox>(participant, inbox));
}
