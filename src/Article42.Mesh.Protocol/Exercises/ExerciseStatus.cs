namespace Article42.Mesh.Protocol;

/// <summary>Where an exercise stands in exercise control: injects played, messages seen, expected actions met and missed.</summary>
[GenerateSerializer, Immutable, Alias("a42.exercise-status")]
public sealed record ExerciseStatus(
    [property: Id(0)] string ExerciseId,
    [property: Id(1)] bool Ended,
    [property: Id(2)] int InjectsPlayed,
    [property: Id(3)] int Injects,
    [property: Id(4)] int Observations,
    [property: Id(5)] ImmutableArray<string> ExpectationsMet,
    [property: Id(6)] ImmutableArray<string> ExpectationsMissed);
