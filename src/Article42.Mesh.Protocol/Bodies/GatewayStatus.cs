namespace Article42.Mesh.Protocol;

/// <summary>A gateway's own view of its health, reported by heartbeat and roll call.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<GatewayStatus>))]
public enum GatewayStatus
{
    /// <summary>Written <c>OPERATIONAL</c> in JSON.</summary>
    Operational,
    /// <summary>Written <c>DEGRADED</c> in JSON.</summary>
    Degraded,
}
