namespace Article42.Mesh.Grains;

/// <summary>
/// The originator's feed of mesh reports: delivery, non-delivery and escalation entries of its own stream, read
/// after a position (the entry version), so a gateway resumes where it left off. Each read returns how far it read,
/// reports or not, and reads at most <see cref="ScanLimit"/> entries: a participant that mostly receives has a stream
/// of mostly other entries, and its gateway's next poll starts past them instead of reading them again.
/// </summary>
internal static class ReportFeed
{
    /// <summary>Entries one read looks at, at most: bounds a poll's cost (and its time under the call timeout) whatever the history.</summary>
    public const int ScanLimit = 2_000;

    public static async Task<ReportsOutcome> ReadAsync(JournalStream stream, long afterPosition, int max)
    {
        var reports = ImmutableArray.CreateBuilder<DeliveryReport>();
        var readUpTo = Math.Max(0, afterPosition);
        var scanned = 0;
        var more = false;
        await foreach (var entry in stream.ReadAfter(readUpTo))
        {
            if (reports.Count >= max || scanned >= ScanLimit)
            {
                more = true;
                break;
            }
            scanned++;
            readUpTo = entry.Version;
            if (Report(entry) is { } report)
                reports.Add(report);
        }
        return new ReportsOutcome(reports.ToImmutable(), null, readUpTo, more);
    }

    private static DeliveryReport? Report(StoredEntry entry)
    {
        switch (entry.Type)
        {
            case EntryTypes.Delivered or EntryTypes.DeadLettered:
                var record = RecordJson.Recipient(entry.Payload);
                var kind = entry.Type == EntryTypes.Delivered ? ReportKind.Delivered : ReportKind.NotDelivered;
                return new DeliveryReport(entry.MessageId!, record.Recipient, kind, record.Reason, entry.Timestamp, entry.Version);
            case EntryTypes.Escalated:
                var escalation = RecordJson.Escalation(entry.Payload);
                return new DeliveryReport(entry.MessageId!, escalation.Recipient, ReportKind.Escalated, null, entry.Timestamp, entry.Version, escalation.ThresholdPercent);
            default:
                return null;
        }
    }
}
