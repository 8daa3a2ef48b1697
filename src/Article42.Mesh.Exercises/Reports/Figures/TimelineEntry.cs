namespace Article42.Mesh.Exercises;

/// <summary>One accepted message on the timeline: when, who, what.</summary>
public sealed record TimelineEntry(long Seconds, string Participant, MessageKind Kind, string Ref, Precedence Precedence);
