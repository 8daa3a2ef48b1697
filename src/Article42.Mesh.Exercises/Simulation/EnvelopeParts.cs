namespace Article42.Mesh.Exercises;

/// <summary>The addressing of one exercise message, before it has a body, an id and a time.</summary>
public sealed record EnvelopeParts(
    string From,
    ImmutableArray<string> To,
    ImmutableArray<string> Info,
    MessageKind Kind,
    Precedence Precedence,
    SecurityLabel Label,
    string? ActivationId,
    string? InReplyTo);
