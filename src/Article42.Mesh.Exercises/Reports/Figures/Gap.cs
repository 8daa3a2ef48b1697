namespace Article42.Mesh.Exercises;

/// <summary>One shortfall the exercise showed, naming who, which line or message, and the deadline missed.</summary>
public sealed record Gap(string Id, GapKind Kind, string Subject, long? DeadlineSeconds, string Text);
