namespace Article42.Mesh.Protocol;

/// <summary>The exercise clock the mesh judges an exercise's traffic on, or why it was not served (<c>A42-ADM-*</c>).</summary>
[GenerateSerializer, Immutable, Alias("a42.exercise-clock-outcome")]
public sealed record ExerciseClockOutcome([property: Id(0)] ExerciseClock? Clock, [property: Id(1)] MeshError? Error);
