namespace Article42.Mesh.Protocol;

/// <summary>How far the invoking state attributes the incident to an actor.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<AttributionStatus>))]
public enum AttributionStatus
{
    /// <summary>Written <c>unknown</c> in JSON.</summary>
    Unknown,
    /// <summary>Written <c>suspected</c> in JSON.</summary>
    Suspected,
    /// <summary>Written <c>attributed</c> in JSON.</summary>
    Attributed,
}
