namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// Histories written by hand for the checker's self-tests: every call appends the lines a client would have written,
/// one second apart on a fixed clock, so a test reads as the story it tells.
/// </summary>
public sealed class SyntheticHistory
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<HistoryEntry> _entries = [];
    private int _next;

    public IReadOnlyList<HistoryEntry> Entries => _entries;

    /// <summary>The time of the last line written.</summary>
    public DateTimeOffset Now => Epoch.AddSeconds(_next);

    /// <summary>A window whose last heal is now: everything written so far is within it.</summary>
    public CheckWindow WindowNow() => CheckWindow.After(Now);

    public CheckReport Check() => HistoryChecker.Check(Entries, WindowNow());

    public SyntheticHistory Start(string client) => Add(client, Operation.Start);

    public SyntheticHistory Invoke(string id, string from, string[] to, Precedence precedence = Precedence.Routine) =>
        Add(from, Operation.Invoke, e => e with { Id = id, From = from, To = [.. to], Precedence = precedence });

    /// <summary>Invoke and receipt.</summary>
    public SyntheticHistory Sent(string id, string from, string[] to, Precedence precedence = Precedence.Routine) =>
        Invoke(id, from, to, precedence).Add(from, Operation.Ok, e => e with { Id = id, To = [.. to], AcceptedAt = Now.AddSeconds(1) });

    public SyntheticHistory Refused(string id, string from, string[] to) =>
        Invoke(id, from, to).Add(from, Operation.Fail, e => e with { Id = id, Code = "A42-DLV-009" });

    public SyntheticHistory TimedOut(string id, string from, string[] to) =>
        Invoke(id, from, to).Add(from, Operation.Unknown, e => e with { Id = id, Error = "TimeoutException: no receipt" });

    public SyntheticHistory Handed(string id, string to, string from, Precedence precedence = Precedence.Routine, bool? redelivered = null) =>
        Add(to, Operation.Handed, e => e with { Id = id, From = from, Precedence = precedence, Redelivered = redelivered });

    public SyntheticHistory Acked(string id, string to) => Add(to, Operation.Acked, e => e with { Id = id });

    public SyntheticHistory Reported(string id, string sender, string recipient, ReportKind kind = ReportKind.Delivered) =>
        Add(sender, Operation.Report, e => e with { Id = id, Recipient = recipient, Report = kind });

    /// <summary>What a clean delivery of a sent message to <paramref name="to"/> writes: handed, acknowledged, reported.</summary>
    public SyntheticHistory Delivered(string id, string from, string to, Precedence precedence = Precedence.Routine) =>
        Handed(id, to, from, precedence).Acked(id, to).Reported(id, from, to);

    private SyntheticHistory Add(string client, Operation op, Func<HistoryEntry, HistoryEntry>? fill = null)
    {
        var entry = new HistoryEntry { At = Epoch.AddSeconds(++_next), Client = client, Op = op };
        _entries.Add(fill is null ? entry : fill(entry));
        return this;
    }
}
