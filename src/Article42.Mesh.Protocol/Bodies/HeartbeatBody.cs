namespace Article42.Mesh.Protocol;

/// <summary>HEARTBEAT: a gateway says it is alive and how it is doing.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.heartbeat")]
public sealed record HeartbeatBody : MessageBody
{
    [Id(0)] public GatewayStatus? Status { get; init; }
    [Id(1)] public string? GatewayVersion { get; init; }

    public override void Validate(ValidationContext context, string path)
    {
        context.RequireEnum(Status, $"{path}.status");
        context.OptionalText(GatewayVersion, $"{path}.gateway_version", Limits.ShortText);
    }
}
