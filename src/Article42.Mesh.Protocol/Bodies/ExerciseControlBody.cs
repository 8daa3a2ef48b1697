namespace Article42.Mesh.Protocol;

/// <summary>STARTEX, PAUSEEX, RESUMEEX, ENDEX: EXCON starts, pauses, resumes or ends an exercise.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.exercise-control")]
public sealed record ExerciseControlBody : MessageBody
{
    /// <summary>Real UTC time at which the control takes effect.</summary>
    [Id(0)] public DateTimeOffset? ExerciseTime { get; init; }
    /// <summary>The scenario's time at that moment.</summary>
    [Id(1)] public DateTimeOffset? SimulatedTime { get; init; }
    /// <summary>Wire field <c>note</c>.</summary>
    [Id(2)] public string? Note { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.Require(ExerciseTime, $"{path}.exercise_time");
        context.OptionalText(Note, $"{path}.note");
    }
}
