namespace Article42.Mesh.Protocol;

/// <summary>
/// The typed payload of an envelope. Its concrete type is fixed by the envelope's kind
/// (<see cref="MessageCatalogue"/>); the JSON carries no type marker of its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.body")]
[JsonConverter(typeof(MessageBodyJsonConverter))]
public abstract record MessageBody
{
    /// <summary>Reports every rule of this body that is broken, under <paramref name="path"/>.</summary>
    public abstract void Validate(ValidationContext context, string path);
}
