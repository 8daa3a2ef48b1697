namespace Article42.Mesh.Protocol;

/// <summary>A gateway's own view of its health, reported by heartbeat and roll call.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<GatewayStatus>))]
public enum GatewayStatus
{
    Operational,
    Degraded,
}
