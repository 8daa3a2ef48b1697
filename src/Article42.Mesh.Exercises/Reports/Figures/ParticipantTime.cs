namespace Article42.Mesh.Exercises;

/// <summary>A participant and a latency in scenario seconds.</summary>
public sealed record ParticipantTime(string Participant, long Seconds);
