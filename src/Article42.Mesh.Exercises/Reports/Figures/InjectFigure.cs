namespace Article42.Mesh.Exercises;

/// <summary>One MSEL entry: when it went out, how fast each recipient first acted, and how its expectations scored.</summary>
public sealed record InjectFigure(
    string InjectId,
    long AtSeconds,
    string From,
    MessageKind Kind,
    string Title,
    ImmutableArray<ParticipantTime> FirstResponses,
    ImmutableArray<ExpectationFigure> Expectations);
