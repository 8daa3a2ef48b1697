namespace Article42.Mesh.Protocol;

/// <summary>INJECT: a scripted MSEL event EXCON plays into the exercise, with the actions it expects of players.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.inject")]
public sealed record InjectBody : MessageBody
{
    /// <summary>Master scenario events list entry.</summary>
    [Id(0)] public string? MselId { get; init; }
    /// <summary>Wire field <c>move</c>.</summary>
    [Id(1)] public string? Move { get; init; }
    /// <summary>Seconds after STARTEX (T+) at which the inject is due.</summary>
    [Id(2)] public long? ScheduledOffsetSeconds { get; init; }
    /// <summary>Wire field <c>simulated_time</c>.</summary>
    [Id(3)] public DateTimeOffset? SimulatedTime { get; init; }
    /// <summary>The scenario actor the inject pretends to come from (e.g. a national ministry not in the mesh).</summary>
    [Id(4)] public string? FromSimulatedActor { get; init; }
    /// <summary>Wire field <c>to</c>.</summary>
    [Id(5)] public ImmutableArray<string> To { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>The operational kind the content stands for, when it wraps one.</summary>
    [Id(6)] public MessageKind? ContentKind { get; init; }
    /// <summary>Wire field <c>content</c>.</summary>
    [Id(7)] public string? Content { get; init; }
    /// <summary>Wire field <c>expected_actions</c>.</summary>
    [Id(8)] public ImmutableArray<ExpectedAction> ExpectedActions { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>For controllers and evaluators only.</summary>
    [Id(9)] public string? ControllerNote { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(MselId, $"{path}.msel_id");
        context.OptionalText(Move, $"{path}.move", Limits.ShortText);
        context.RequireInRange(ScheduledOffsetSeconds, 0, BodyChecks.MaxExerciseSeconds, $"{path}.scheduled_offset_seconds");
        context.OptionalText(FromSimulatedActor, $"{path}.from_simulated_actor");
        context.Items(To, $"{path}.to", context.RequireParticipant);
        context.Defined(ContentKind, $"{path}.content_kind");
        context.RequireText(Content, $"{path}.content", Limits.LongText);
        context.Items(ExpectedActions, $"{path}.expected_actions", (action, itemPath) => context.RequirePresent(action, itemPath)?.Validate(context, itemPath));
        context.OptionalText(ControllerNote, $"{path}.controller_note", Limits.LongText);
    }
}
