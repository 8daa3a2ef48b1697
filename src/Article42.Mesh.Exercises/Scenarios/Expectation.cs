namespace Article42.Mesh.Exercises;

/// <summary>
/// What an inject expects: that each of <see cref="Actors"/> sends a message of <see cref="Kind"/> within
/// <see cref="Within"/> of the inject's delivery. Scored per actor; missed ones are gaps in the report.
/// </summary>
public sealed record Expectation
{
    /// <summary>Unique in the scenario, e.g. <c>M04.a</c>.</summary>
    public required string Id { get; init; }
    public required string InjectId { get; init; }
    public required string Description { get; init; }
    /// <summary>Playing participants expected to act (groups already expanded).</summary>
    public required ImmutableArray<string> Actors { get; init; }
    /// <summary>The kind of message that fulfils it; null when any message from the actor does.</summary>
    public MessageKind? Kind { get; init; }
    public required TimeSpan Within { get; init; }
    /// <summary>True when one actor acting in time is enough (a group asked "does anybody offer ..."); false when each must.</summary>
    public bool Any { get; init; }
    /// <summary>Points when every actor (or, with <see cref="Any"/>, one) acts in time (0..100).</summary>
    public int Score { get; init; } = 10;
    /// <summary>What a simulated actor sends to fulfil it, when the built-in behaviours would not.</summary>
    public ScriptedResponse? Respond { get; init; }
}
