namespace Article42.Mesh.Exercises;

/// <summary>Messages of a kind sent at FLASH or OVERRIDE although the kind's default is lower (docs/design/domain.md §8.5).</summary>
public sealed record InflationFigure(MessageKind Kind, Precedence Precedence, int Count);
