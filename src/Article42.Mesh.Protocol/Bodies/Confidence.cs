namespace Article42.Mesh.Protocol;

/// <summary>How sure the answerer of an RFI is.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<Confidence>))]
public enum Confidence
{
    /// <summary>Written <c>low</c> in JSON.</summary>
    Low,
    /// <summary>Written <c>medium</c> in JSON.</summary>
    Medium,
    /// <summary>Written <c>high</c> in JSON.</summary>
    High,
}
