namespace Article42.Mesh.Protocol;

/// <summary>Where a committed capability stands, as a LOGSITREP-like status reports it.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<DeploymentState>))]
public enum DeploymentState
{
    Alerted,
    Moving,
    Arrived,
    Operational,
    Degraded,
    Redeploying,
    Returned,
}
