namespace Article42.Mesh.Protocol;

/// <summary>How sure the answerer of an RFI is.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<Confidence>))]
public enum Confidence
{
    Low,
    Medium,
    High,
}
