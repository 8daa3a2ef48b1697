using Article42.Mesh.Faults.History;

namespace Article42.Mesh.Faults.Runs;

/// <summary>Time to recover: from the heal to the first handing of a message sent after it (null: none was handed).</summary>
public static class Recovery
{
    public static TimeSpan? After(IReadOnlyList<HistoryEntry> entries, DateTimeOffset healed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sentAfter = entries.Where(e => e.Op == Operation.Invoke && e.At >= healed).Select(e => e.Id).ToHashSet();
        var first = entries.Where(e => e.Op == Operation.Handed && sentAfter.Contains(e.Id)).Select(e => (DateTimeOffset?)e.At).Min();
        return first - healed;
    }
}
