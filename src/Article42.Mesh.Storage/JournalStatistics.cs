namespace Article42.Mesh.Storage;

/// <summary>
/// What the group-commit writer did: <paramref name="Transactions"/> far below <paramref name="Operations"/>
/// means writes are sharing commits (and fsyncs). <paramref name="Rows"/> counts entries and queue-row changes.
/// </summary>
public sealed record JournalStatistics(long Transactions, long Operations, long Rows);
