namespace Article42.Mesh.Protocol;

/// <summary>What a caller chooses for a skeleton envelope; null takes the catalogue's default.</summary>
public sealed record SkeletonRequest(
    MessageKind Kind,
    string From,
    ImmutableArray<string> ToAction,
    ImmutableArray<string> ToInfo,
    Precedence? Precedence = null,
    Precedence? InfoPrecedence = null,
    Classification Label = Classification.Unclassified,
    ImmutableArray<string> ReleasableTo = default,
    string? ActivationId = null,
    MessageMode? Mode = null,
    string? ExerciseId = null,
    string? InReplyTo = null);
