namespace Article42.Mesh.Grains.Tests;

/// <summary>The journal rows a submitted message would touch, read through the journal contract, to show a refusal stored nothing.</summary>
public static class JournalRows
{
    /// <summary>The sender's and recipients' participant stream versions, the recipients' inboxes and the sender's outboxes to them.</summary>
    public static async Task<IReadOnlyList<(string Name, long Rows)>> OfAsync(IMessageJournal journal, Envelope envelope)
    {
        var recipients = envelope.ToAction.Concat(envelope.ToInfo).Distinct().ToList();
        var rows = new List<(string, long)>();
        foreach (var participant in recipients.Prepend(envelope.From).Distinct())
            rows.Add(($"participant/{participant}", await journal.GetVersionAsync($"participant/{participant}")));
        foreach (var recipient in recipients)
        {
            rows.Add(($"in/{recipient}", await journal.CountQueuedAsync($"in/{recipient}")));
            rows.Add(($"out/{envelope.From}/{recipient}", await journal.CountQueuedAsync($"out/{envelope.From}/{recipient}")));
        }
        return rows;
    }
}
