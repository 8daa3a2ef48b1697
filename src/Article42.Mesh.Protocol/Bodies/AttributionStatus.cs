namespace Article42.Mesh.Protocol;

/// <summary>How far the invoking state attributes the incident to an actor.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<AttributionStatus>))]
public enum AttributionStatus
{
    Unknown,
    Suspected,
    Attributed,
}
