using Article42.Mesh.Faults.History;

namespace Article42.Mesh.Faults.Checking;

/// <summary>
/// The checker over all client histories of a scenario (issue 20). Each verdict is computed from the histories alone:
/// what senders were told (receipt, refusal, no answer) against what recipients' applications were handed.
/// </summary>
public static partial class HistoryChecker
{
    public static CheckReport Check(IReadOnlyList<HistoryEntry> entries, CheckWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var index = new HistoryIndex(entries);
        var handed = index.Handings.Select(h => h.Key.Id).ToHashSet(StringComparer.Ordinal);
        var accepted = index.Sent.Values.Where(m => m.Receipted || (m.OutcomeUnknown && handed.Contains(m.Id))).ToList();
        ImmutableArray<Violation> violations =
        [
            .. Lost(index, accepted, window),
            .. Unexpected(index),
            .. Duplicated(index),
            .. Reordered(index),
            .. Stuck(index),
            .. Reports(index, accepted),
        ];
        return new CheckReport(index.Sent.Count, violations);
    }

    private static IEnumerable<Violation> Lost(HistoryIndex index, List<SentMessage> accepted, CheckWindow window)
    {
        foreach (var message in accepted)
        {
            var due = window.DueBy(message.Outcome?.AcceptedAt ?? message.Invoke.At);
            foreach (var recipient in message.Recipients)
            {
                var first = index.Handings[(message.Id, recipient)].MinBy(h => h.Position);
                if (first is null)
                    yield return new Violation(ViolationKind.Lost, message.Id, recipient, $"accepted ({Acceptance(message)}) and never handed");
                else if (first.Entry.At > due)
                    yield return new Violation(ViolationKind.Lost, message.Id, recipient, $"handed at {first.Entry.At:O}, after {due:O}");
            }
        }
    }

    private static IEnumerable<Violation> Unexpected(HistoryIndex index)
    {
        foreach (var handings in index.Handings)
        {
            var (id, recipient) = handings.Key;
            if (!index.Sent.TryGetValue(id, out var message))
                yield return new Violation(ViolationKind.Unexpected, id, recipient, "handed, never sent");
            else if (message.Refused)
                yield return new Violation(ViolationKind.Unexpected, id, recipient, $"handed, but its send was refused with {message.Outcome!.Code}: nothing should have been stored");
            else if (!message.Recipients.Contains(recipient))
                yield return new Violation(ViolationKind.Unexpected, id, recipient, $"handed to a participant not among its recipients [{string.Join(',', message.Recipients)}]");
        }
    }

    private static IEnumerable<Violation> Duplicated(HistoryIndex index)
    {
        foreach (var handings in index.Handings)
        {
            var ordered = handings.OrderBy(h => h.Position).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (previous, again) = (ordered[i - 1], ordered[i]);
                var afterCrash = index.RestartedBetween(again.Recipient, previous.Position, again.Position);
                if (again.Entry.Redelivered == true && afterCrash)
                    continue;
                var why = again.Entry.Redelivered switch
                {
                    null => "without a redelivered flag",
                    false => "flagged as not redelivered",
                    true => "flagged redelivered, but that gateway did not restart in between",
                };
                yield return new Violation(ViolationKind.Duplicated, handings.Key.Id, handings.Key.Recipient, $"handed {i + 1} times, again {why}");
            }
        }
    }

    private static string Acceptance(SentMessage message) =>
        message.Receipted ? $"receipt at {message.Outcome!.AcceptedAt:O}" : "outcome unknown, seen by a recipient";
}
