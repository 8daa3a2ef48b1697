namespace Article42.Mesh.Protocol;

/// <summary>ROLL_CALL: a communications check that every addressed gateway answers within an SLO.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.roll-call")]
public sealed record RollCallBody : MessageBody
{
    /// <summary>Wire field <c>roll_call_id</c>.</summary>
    [Id(0)] public string? RollCallId { get; init; }
    /// <summary>Wire field <c>respond_by</c>.</summary>
    [Id(1)] public DateTimeOffset? RespondBy { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path) =>
        context.RequireToken(RollCallId, $"{path}.roll_call_id");
}
