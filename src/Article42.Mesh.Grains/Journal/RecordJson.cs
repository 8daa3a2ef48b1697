using System.Text.Json;
using System.Text.Json.Serialization;

namespace Article42.Mesh.Grains;

/// <summary>JSON form of journal entry payloads: readable by <c>a42 trace</c> and by people with a SQL prompt.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RecipientRecord))]
[JsonSerializable(typeof(ReceivedRecord))]
[JsonSerializable(typeof(DeclarationRecord))]
[JsonSerializable(typeof(ReservationRecord))]
[JsonSerializable(typeof(RefusalRecord))]
[JsonSerializable(typeof(SloBreach))]
[JsonSerializable(typeof(AwaitedReceipt))]
[JsonSerializable(typeof(EscalationRecord))]
[JsonSerializable(typeof(ExercisePlanRecord))]
[JsonSerializable(typeof(ExerciseObservation))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(ExercisePause))]
internal sealed partial class RecordJson : JsonSerializerContext
{
    public static byte[] Encode(RecipientRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.RecipientRecord);

    public static byte[] Encode(ReceivedRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.ReceivedRecord);

    public static byte[] Encode(DeclarationRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.DeclarationRecord);

    public static byte[] Encode(ReservationRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.ReservationRecord);

    public static byte[] Encode(RefusalRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.RefusalRecord);

    public static byte[] Encode(SloBreach record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.SloBreach);

    public static byte[] Encode(AwaitedReceipt record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.AwaitedReceipt);

    public static byte[] Encode(EscalationRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.EscalationRecord);

    public static byte[] Encode(ExercisePlanRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.ExercisePlanRecord);

    public static byte[] Encode(ExerciseObservation record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.ExerciseObservation);

    public static byte[] Encode(AuditRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.AuditRecord);

    public static ExercisePlanRecord Plan(byte[] payload) => JsonSerializer.Deserialize(payload, Default.ExercisePlanRecord)!;

    public static ExerciseObservation Observation(byte[] payload) => JsonSerializer.Deserialize(payload, Default.ExerciseObservation)!;

    public static byte[] Encode(ExercisePause record) => JsonSerializer.SerializeToUtf8Bytes(record, Default.ExercisePause);

    public static ExercisePause Pause(byte[] payload) => JsonSerializer.Deserialize(payload, Default.ExercisePause)!;

    public static AwaitedReceipt Awaited(byte[] payload) => JsonSerializer.Deserialize(payload, Default.AwaitedReceipt)!;

    public static EscalationRecord Escalation(byte[] payload) => JsonSerializer.Deserialize(payload, Default.EscalationRecord)!;

    public static DeclarationRecord Declaration(byte[] payload) => JsonSerializer.Deserialize(payload, Default.DeclarationRecord)!;

    public static ReservationRecord Reservation(byte[] payload) => JsonSerializer.Deserialize(payload, Default.ReservationRecord)!;

    public static SloBreach Breach(byte[] payload) => JsonSerializer.Deserialize(payload, Default.SloBreach)!;

    public static RecipientRecord Recipient(byte[] payload) => JsonSerializer.Deserialize(payload, Default.RecipientRecord)!;

    public static ReceivedRecord Received(byte[] payload) => JsonSerializer.Deserialize(payload, Default.ReceivedRecord)!;
}
