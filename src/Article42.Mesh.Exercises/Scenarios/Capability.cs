namespace Article42.Mesh.Exercises;

/// <summary>A capability a simulated participant can offer (docs/design/domain.md §7 category code), declared in its inventory at STARTEX.</summary>
public sealed record Capability(string CategoryCode, int Quantity, string Unit, string Description);
