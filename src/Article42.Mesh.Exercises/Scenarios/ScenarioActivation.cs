namespace Article42.Mesh.Exercises;

/// <summary>An activation the scenario plays: its id (<c>A42-YYYY-NNNN</c>) and the member state that invokes.</summary>
public sealed record ScenarioActivation(string Id, string Invoker);
