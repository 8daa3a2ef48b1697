namespace Article42.Mesh.Exercises;

/// <summary>An exercise objective, judged by the expectations it names (HSEEP rating from their scores).</summary>
public sealed record Objective(string Id, string Title, ImmutableArray<string> Expectations);
