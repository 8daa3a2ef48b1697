namespace Article42.Mesh.Protocol;

/// <summary>ROLL_CALL_RESPONSE: a gateway answers a roll call.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.roll-call-response")]
public sealed record RollCallResponseBody : MessageBody
{
    /// <summary>Wire field <c>roll_call_id</c>.</summary>
    [Id(0)] public string? RollCallId { get; init; }
    /// <summary>Wire field <c>status</c>.</summary>
    [Id(1)] public GatewayStatus? Status { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(RollCallId, $"{path}.roll_call_id");
        context.RequireEnum(Status, $"{path}.status");
    }
}
