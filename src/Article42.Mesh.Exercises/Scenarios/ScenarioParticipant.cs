namespace Article42.Mesh.Exercises;

/// <summary>A playing participant and how its simulated gateway behaves.</summary>
public sealed record ScenarioParticipant(string Id, Behaviour Behaviour);
