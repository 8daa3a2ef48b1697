using Article42.Mesh.Faults.History;

namespace Article42.Mesh.Faults.Checking;

/// <summary>
/// All histories of a run, grouped the ways the checker asks: messages by id, handings by message and recipient, each
/// client's starts, acknowledgements and reports. Positions are indexes into the entries as read (each client's file
/// in write order), so "after" within one client never depends on clock resolution.
/// </summary>
public sealed class HistoryIndex
{
    public HistoryIndex(IReadOnlyList<HistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var indexed = entries.Select((entry, position) => (Entry: entry, Position: position)).ToList();
        Starts = indexed.Where(e => e.Entry.Op == Operation.Start)
            .ToLookup(e => e.Entry.Client, e => e.Position);
        Handings = indexed.Where(e => e.Entry.Op == Operation.Handed)
            .Select(e => new Handing(e.Entry, e.Position))
            .ToLookup(h => (h.Id, h.Recipient));
        Acked = indexed.Where(e => e.Entry.Op == Operation.Acked)
            .ToLookup(e => (e.Entry.Id!, e.Entry.Client), e => e.Position);
        Reports = [.. entries.Where(e => e.Op == Operation.Report)];
        var outcomes = indexed.Where(e => e.Entry.Op is Operation.Ok or Operation.Fail or Operation.Unknown)
            .ToLookup(e => (e.Entry.Id!, e.Entry.Client));
        Sent = indexed.Where(e => e.Entry.Op == Operation.Invoke)
            .GroupBy(e => e.Entry.Id!)
            .ToDictionary(g => g.Key, g =>
            {
                var (invoke, position) = g.First();
                var outcome = outcomes[(g.Key, invoke.Client)].Select(o => o.Entry).LastOrDefault();
                return new SentMessage(invoke, outcome, Starts[invoke.Client].Any(s => s > position));
            });
    }

    public IReadOnlyDictionary<string, SentMessage> Sent { get; }

    public ILookup<(string Id, string Recipient), Handing> Handings { get; }

    public ILookup<string, int> Starts { get; }

    public ILookup<(string Id, string Client), int> Acked { get; }

    public ImmutableArray<HistoryEntry> Reports { get; }

    /// <summary>Whether <paramref name="client"/> started again between two positions of its history.</summary>
    public bool RestartedBetween(string client, int after, int before) => Starts[client].Any(s => s > after && s < before);
}
