namespace Article42.Mesh.Protocol;

/// <summary>One PAUSEEX..RESUMEEX stretch of an exercise, in real UTC; <see cref="Until"/> is null while it lasts.</summary>
[GenerateSerializer, Immutable, Alias("a42.exercise-pause")]
public sealed record ExercisePause(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset? Until);
