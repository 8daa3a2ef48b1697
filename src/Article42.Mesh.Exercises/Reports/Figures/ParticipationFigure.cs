namespace Article42.Mesh.Exercises;

/// <summary>Players that sent anything at all, out of all players; the silent ones by name.</summary>
public sealed record ParticipationFigure(int Players, int Responding, decimal Rate, ImmutableArray<string> Silent);
