namespace Article42.Mesh.Protocol;

/// <summary>STANAG 4406 message type: real operations, or one of the training modes.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<MessageMode>))]
public enum MessageMode
{
    /// <summary>Written <c>operation</c> in JSON.</summary>
    Operation,
    /// <summary>Written <c>exercise</c> in JSON.</summary>
    Exercise,
    /// <summary>Written <c>drill</c> in JSON.</summary>
    Drill,
    /// <summary>Written <c>project</c> in JSON.</summary>
    Project,
}
