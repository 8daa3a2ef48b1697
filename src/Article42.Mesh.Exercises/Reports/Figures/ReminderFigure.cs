namespace Article42.Mesh.Exercises;

/// <summary>
/// Reminders the originators sent when the mesh escalated a missing receipt, and how many the reminded participant
/// answered: its receipt of the chased message came at or after the reminder.
/// </summary>
public sealed record ReminderFigure(int Sent, int Answered);
