using System.Text.Json;
using System.Text.Json.Serialization;

namespace Article42.Mesh.Grains;

/// <summary>JSON form of journal entry payloads: readable by <c>a42 trace</c> and by people with a SQL prompt.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RecipientRecord))]
[JsonSerializable(typeof(ReceivedRecord))]
internal sealed partial class RecordJson : JsonSerializerContext
{
    public static byte[] Encode(RecipientRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.RecipientRecord);

    public static byte[] Encode(ReceivedRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.ReceivedRecord);

    public static RecipientRecord Recipient(byte[] payload) => JsonSerializer.Deserialize(payload, Default.RecipientRecord)!;

    public static ReceivedRecord Received(byte[] payload) => JsonSerializer.Deserialize(payload, Default.ReceivedRecord)!;
}
