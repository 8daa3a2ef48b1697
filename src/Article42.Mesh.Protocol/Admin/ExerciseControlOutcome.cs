namespace Article42.Mesh.Protocol;

/// <summary>
/// The answer to an exercise control request through <see cref="IAdminGrain"/>: the exercise's status after it, or why
/// the request was refused (<c>A42-ADM-*</c>; nothing changed in the exercise).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.exercise-control-outcome")]
public sealed record ExerciseControlOutcome([property: Id(0)] ExerciseStatus? Status, [property: Id(1)] MeshError? Error);
