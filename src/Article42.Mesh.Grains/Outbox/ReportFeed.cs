namespace Article42.Mesh.Grains;

/// <summary>
/// The originator's feed of mesh reports: delivery, non-delivery and escalation entries of its own stream, read
/// after a position (the entry version), so a gateway resumes where it left off.
/// </summary>
internal static class ReportFeed
{
    public static async Task<ImmutableArray<DeliveryReport>> ReadAsync(JournalStream stream, long afterPosition, int max)
    {
        var reports = ImmutableArray.CreateBuilder<DeliveryReport>();
        await foreach (var entry in stream.ReadAfter(Math.Max(0, afterPosition)))
        {
            if (reports.Count >= max)
                break;
            if (Report(entry) is { } report)
                reports.Add(report);
        }
        return reports.ToImmutable();
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
