using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The payload's type follows from the envelope's <c>kind</c>, which a converter of the payload cannot see.
/// Reading keeps the raw JSON (<see cref="UnresolvedBody"/>) for <see cref="EnvelopeCodec"/> to type once the
/// whole envelope is read; writing uses the body's own contract.
/// </summary>
public sealed class MessageBodyJsonConverter : JsonConverter<MessageBody>
{
    /// <inheritdoc/>
    public override MessageBody Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new UnresolvedBody(document.RootElement.Clone());
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, MessageBody value, JsonSerializerOptions options)
    {
        if (value is UnresolvedBody raw)
            raw.Element.WriteTo(writer);
        else
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }
}
