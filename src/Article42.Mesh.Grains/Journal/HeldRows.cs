namespace Article42.Mesh.Grains;

/// <summary>
/// One queue's rows of one precedence as an activation holds them, bodies included, in sequence order (an outbox lane,
/// an inbox band; issue #18): a reader needs no query for what is held. <see cref="Complete"/>: memory holds every row
/// the journal has in it. Otherwise (after an activation, or once the activation's byte cap was reached) memory holds
/// the rows up to <see cref="ReadThrough"/> and the rest are read from the journal after it, a page at a time, kept
/// while the cap allows: a deep backlog costs reads, a shallow one none.
/// </summary>
internal sealed class HeldRows(HeldBytes budget, bool complete)
{
    private readonly SortedDictionary<long, HeldMessage> _rows = [];

    public bool Complete { get; private set; } = complete;

    /// <summary>When not <see cref="Complete"/>: memory holds every row of the queue up to this sequence, the journal the rest.</summary>
    public long ReadThrough { get; private set; }

    public int Count => _rows.Count;

    /// <summary>
    /// A row this activation just wrote (above every row the queue holds): kept when memory is complete and the cap
    /// allows; past the cap, memory stops there and the journal holds the rest.
    /// </summary>
    public void Add(HeldMessage row)
    {
        if (!Complete)
            return;
        if (!budget.TryHold(row.Bytes))
        {
            Complete = false;
            ReadThrough = row.Sequence - 1;
            return;
        }
        row.Charged = true;
        _rows[row.Sequence] = row;
    }

    /// <summary>
    /// The rows a journal read after <paramref name="after"/> returned, as held rows: those that continue what memory
    /// holds are kept while the cap allows, the rest are handed on without being kept. <paramref name="reachedEnd"/>: the
    /// read returned fewer rows than it asked for, so a read that kept them all leaves memory complete.
    /// </summary>
    public List<HeldMessage> Read(IReadOnlyList<QueuedEntry> read, long after, bool reachedEnd)
    {
        var continuing = !Complete && after == ReadThrough;
        var rows = new List<HeldMessage>(read.Count);
        foreach (var stored in read)
        {
            if (_rows.TryGetValue(stored.Sequence, out var held))
            {
                rows.Add(held);
                continue;
            }
            var row = new HeldMessage(stored);
            continuing = continuing && budget.TryHold(row.Bytes);
            if (continuing)
            {
                row.Charged = true;
                _rows[row.Sequence] = row;
                ReadThrough = row.Sequence;
            }
            rows.Add(row);
        }
        if (continuing && reachedEnd)
            Complete = true;
        return rows;
    }

    /// <summary>Held rows after <paramref name="afterSequence"/> that memory can vouch for (none newer than an unread one), in order.</summary>
    public IEnumerable<HeldMessage> After(long afterSequence) =>
        _rows.Values.SkipWhile(r => r.Sequence <= afterSequence).TakeWhile(r => Complete || r.Sequence <= ReadThrough);

    public HeldMessage? First => _rows.Count == 0 ? null : _rows.Values.First();

    /// <summary>Lets a row go (acknowledged, delivered, dead-lettered): its bytes go back to the cap.</summary>
    public void Remove(long sequence)
    {
        if (_rows.Remove(sequence, out var row) && row.Charged)
            budget.Release(row.Bytes);
    }

    /// <summary>
    /// An outbox lane sends in sequence order: once the rows up to <paramref name="sequence"/> are done, its next journal
    /// read starts after them, held or not (their queue rows may stay until the delivery records are written).
    /// </summary>
    public void Passed(long sequence)
    {
        Remove(sequence);
        if (!Complete && sequence > ReadThrough)
            ReadThrough = sequence;
    }
}
