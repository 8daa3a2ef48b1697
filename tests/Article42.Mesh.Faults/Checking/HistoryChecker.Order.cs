
namespace Article42.Mesh.Faults.Checking;

public static partial class HistoryChecker
{
    /// <summary>
    /// Within one sender, recipient and precedence, messages are first handed in the order the mesh accepted them
    /// (the receipts' acceptance times; messages without a receipt have no place in that order and are left out).
    /// </summary>
    private static IEnumerable<Violation> Reordered(HistoryIndex index)
    {
        var firstHandings = index.Handings
            .Select(h => h.MinBy(x => x.Position)!)
            .Where(h => index.Sent.TryGetValue(h.Id, out var m) && m.Receipted)
            .GroupBy(h => (Sender: index.Sent[h.Id].Sender, h.Recipient, h.Entry.Precedence));
        foreach (var stream in firstHandings)
        {
            var latest = (Id: "", At: DateTimeOffset.MinValue);
            foreach (var handing in stream.OrderBy(h => h.Position))
            {
                var acceptedAt = index.Sent[handing.Id].Outcome!.AcceptedAt!.Value;
                if (acceptedAt < latest.At)
                    yield return new Violation(ViolationKind.Reordered, handing.Id, handing.Recipient,
                        $"accepted at {acceptedAt:O} from {stream.Key.Sender} at {stream.Key.Precedence}, handed after {latest.Id} accepted at {latest.At:O}");
                else
                    latest = (handing.Id, acceptedAt);
            }
        }
    }

    /// <summary>A send still waiting for its outcome with its client alive, or a handed message never acknowledged.</summary>
    private static IEnumerable<Violation> Stuck(HistoryIndex index)
    {
        foreach (var message in index.Sent.Values.Where(m => m.Outcome is null && !m.SenderRestartedAfter))
            yield return new Violation(ViolationKind.Stuck, message.Id, null, $"sent at {message.Invoke.At:O}, no receipt, refusal or timeout by the end");
        foreach (var handings in index.Handings.Where(h => !index.Acked[h.Key].Any()))
            yield return new Violation(ViolationKind.Stuck, handings.Key.Id, handings.Key.Recipient, "handed, never acknowledged");
    }

    /// <summary>
    /// Every report matches what happened: a non-delivery report for a message that was handed, a delivery report for a
    /// message the sender was never told was accepted or for a participant not among its recipients, and a handing
    /// of an accepted message with no delivery report at its sender by the end.
    /// </summary>
    private static IEnumerable<Violation> Reports(HistoryIndex index, List<SentMessage> accepted)
    {
        var delivered = new HashSet<(string, string)>();
        foreach (var report in index.Reports)
        {
            var (id, recipient) = (report.Id!, report.Recipient!);
            index.Sent.TryGetValue(id, out var message);
            if (report.Report == ReportKind.NotDelivered && index.Handings[(id, recipient)].Any())
                yield return new Violation(ViolationKind.Reports, id, recipient, "non-delivery report, yet handed");
            if (report.Report != ReportKind.Delivered)
                continue;
            if (message is null || message.Sender != report.Client || !message.Recipients.Contains(recipient) || message.Refused)
                yield return new Violation(ViolationKind.Reports, id, recipient, $"delivery report at {report.Client} for a message it did not send to {recipient}, or sent and was refused");
            delivered.Add((id, recipient));
        }
        foreach (var message in accepted)
        {
            foreach (var recipient in message.Recipients.Where(r => index.Handings[(message.Id, r)].Any() && !delivered.Contains((message.Id, r))))
                yield return new Violation(ViolationKind.Reports, message.Id, recipient, $"handed, no delivery report at {message.Sender}");
        }
    }
}
