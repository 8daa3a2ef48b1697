namespace Article42.Mesh.Protocol;

/// <summary>Where a committed capability stands, as a LOGSITREP-like status reports it.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<DeploymentState>))]
public enum DeploymentState
{
    /// <summary>Written <c>ALERTED</c> in JSON.</summary>
    Alerted,
    /// <summary>Written <c>MOVING</c> in JSON.</summary>
    Moving,
    /// <summary>Written <c>ARRIVED</c> in JSON.</summary>
    Arrived,
    /// <summary>Written <c>OPERATIONAL</c> in JSON.</summary>
    Operational,
    /// <summary>Written <c>DEGRADED</c> in JSON.</summary>
    Degraded,
    /// <summary>Written <c>REDEPLOYING</c> in JSON.</summary>
    Redeploying,
    /// <summary>Written <c>RETURNED</c> in JSON.</summary>
    Returned,
}
