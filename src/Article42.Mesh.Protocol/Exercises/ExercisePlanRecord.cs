namespace Article42.Mesh.Protocol;

/// <summary>What exercise control keeps of a scenario at STARTEX: its injects and their expected actions.</summary>
[GenerateSerializer, Immutable, Alias("a42.exercise-plan")]
public sealed record ExercisePlanRecord(
    [property: Id(0)] string ExerciseId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Compression,
    [property: Id(3)] ImmutableArray<PlannedInject> Injects);
