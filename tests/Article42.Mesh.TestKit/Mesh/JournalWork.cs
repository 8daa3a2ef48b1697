namespace Article42.Mesh.TestKit;

/// <summary>
/// Journal counters at one moment (<see cref="CountingJournal.Work"/>): the writer's transactions and rows, the calls
/// that write and those that read, the entries and rows the reads returned, the calls by operation, and the writes that
/// stored a message body (<see cref="CountingJournal.BodyBytes"/>).
/// </summary>
public sealed record JournalWork(long Transactions, long Rows, long Writes, long Reads, long RowsRead, IReadOnlyDictionary<string, long> Calls, long BodyWrites = 0)
{
    /// <summary>The work done between <paramref name="before"/> and this moment.</summary>
    public JournalWork Since(JournalWork before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new JournalWork(
            Transactions - before.Transactions,
            Rows - before.Rows,
            Writes - before.Writes,
            Reads - before.Reads,
            RowsRead - before.RowsRead,
            Calls.Keys.Union(before.Calls.Keys).Order(StringComparer.Ordinal)
                .ToDictionary(k => k, k => Calls.GetValueOrDefault(k) - before.Calls.GetValueOrDefault(k)),
            BodyWrites - before.BodyWrites);
    }

    /// <summary>The same counts, each call by operation included (records compare dictionaries by reference).</summary>
    public bool SameAs(JournalWork other) =>
        other is not null && (Transactions, Rows, Writes, Reads, RowsRead, BodyWrites) == (other.Transactions, other.Rows, other.Writes, other.Reads, other.RowsRead, other.BodyWrites)
        && Calls.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal).SequenceEqual(other.Calls.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal));

    public override string ToString() =>
        $"{Transactions} transactions, {Rows} rows written, {Writes} writes ({BodyWrites} storing a body), {Reads} reads returning {RowsRead} rows ({string.Join(", ", Calls.Where(c => c.Value != 0).Select(c => $"{c.Key} {c.Value}"))})";
}
