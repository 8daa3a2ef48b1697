namespace Article42.Mesh.Exercises;

/// <summary>Where a running exercise stands, for the live display.</summary>
public sealed record ExerciseProgress(TimeSpan ScenarioTime, TimeSpan Endex, int InjectsPlayed, int Injects, int Sent, int Refused, int Delivered, int Fetched);
