namespace Article42.Mesh.Exercises;

/// <summary>One expectation: per actor whether it acted in time; the points earned (score × share of actors in time).</summary>
public sealed record ExpectationFigure(
    string Id,
    string Description,
    MessageKind? Kind,
    long WithinSeconds,
    int Score,
    decimal Earned,
    ImmutableArray<ActorResult> Actors);
