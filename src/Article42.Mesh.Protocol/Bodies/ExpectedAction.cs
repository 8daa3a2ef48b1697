namespace Article42.Mesh.Protocol;

/// <summary>What EXCON expects players to do after an inject, by when, and what it scores.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.expected-action")]
public sealed record ExpectedAction
{
    /// <summary>Wire field <c>description</c>.</summary>
    [Id(0)] public string? Description { get; init; }
    /// <summary>The participant expected to act; any player when absent.</summary>
    [Id(1)] public string? Actor { get; init; }
    /// <summary>Seconds after the inject is delivered.</summary>
    [Id(2)] public int? DeadlineSeconds { get; init; }
    /// <summary>Wire field <c>score</c>.</summary>
    [Id(3)] public int? Score { get; init; }

    internal void Validate(ValidationContext context, string path)
    {
        context.RequireText(Description, $"{path}.description");
        context.KnownParticipant(Actor, $"{path}.actor");
        context.RequireInRange(DeadlineSeconds, 1, BodyChecks.MaxExerciseSeconds, $"{path}.deadline_seconds");
        context.InRange(Score, 0, 100, $"{path}.score");
    }
}
