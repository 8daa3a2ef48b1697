namespace Article42.Mesh.Exercises;

/// <summary>Counts the reminders sent and answered (the reminded participant's receipt of the chased message at or after the reminder).</summary>
internal static class ReminderJudge
{
    public static ReminderFigure Judge(ObservationIndex index)
    {
        var reminders = index.Accepted.Where(m => m.Reminds is not null).ToList();
        var answered = reminders.Count(reminder => index.ActionPlayers(reminder).Any(recipient =>
            index.Reply(reminder.Reminds!, recipient, MessageKind.Receipt) is { } receipt && receipt.Scenario >= reminder.Scenario));
        return new ReminderFigure(reminders.Count, answered);
    }
}
