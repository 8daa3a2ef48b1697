namespace Article42.Mesh.Protocol;

/// <summary>A message an exercise played, on the scenario clock; <see cref="RefusalCode"/> when the mesh refused it.</summary>
[GenerateSerializer, Immutable, Alias("a42.exercise-observation")]
public sealed record ExerciseObservation(
    [property: Id(0)] string Ref,
    [property: Id(1)] string? MessageId,
    [property: Id(2)] MessageKind Kind,
    [property: Id(3)] string From,
    [property: Id(4)] TimeSpan At,
    [property: Id(5)] string? InjectId,
    [property: Id(6)] string? RefusalCode);
