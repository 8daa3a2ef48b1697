namespace Article42.Mesh.Protocol;

/// <summary>STANAG 4406 message type: real operations, or one of the training modes.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<MessageMode>))]
public enum MessageMode
{
    Operation,
    Exercise,
    Drill,
    Project,
}
