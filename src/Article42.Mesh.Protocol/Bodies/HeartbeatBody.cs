namespace Article42.Mesh.Protocol;

/// <summary>HEARTBEAT: a gateway says it is alive and how it is doing.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.heartbeat")]
public sealed record HeartbeatBody : MessageBody
{
    /// <summary>Wire field <c>status</c>.</summary>
    [Id(0)] public GatewayStatus? Status { get; init; }
    /// <summary>Wire field <c>gateway_version</c>.</summary>
    [Id(1)] public string? GatewayVersion { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireEnum(Status, $"{path}.status");
        context.OptionalText(GatewayVersion, $"{path}.gateway_version", Limits.ShortText);
    }
}
