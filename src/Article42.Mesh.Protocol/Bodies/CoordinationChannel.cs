namespace Article42.Mesh.Protocol;

/// <summary>How offers for an RFA are coordinated: directly with the invoker or through the hub.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<CoordinationChannel>))]
public enum CoordinationChannel
{
    /// <summary>Written <c>bilateral</c> in JSON.</summary>
    Bilateral,
    /// <summary>Written <c>hub</c> in JSON.</summary>
    Hub,
}
