using System.Text;
using System.Text.Json;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>
/// The one-line JSON documents <c>a42 send</c> and <c>a42 listen</c> print, as their schemas in <c>schemas/</c> describe
/// them: timestamps in UTC with milliseconds, enum values by their protocol names.
/// </summary>
public static class JsonLines
{
    /// <summary><c>{"msg_id":"...","accepted_at":"...","recipients":["DE",...]}</c> (schemas/receipt.schema.json).</summary>
    public static string Receipt(SubmitReceipt receipt) => Write(writer =>
    {
        writer.WriteString("msg_id", receipt.MessageId);
        writer.WriteString("accepted_at", Timestamp(receipt.AcceptedAt));
        writer.WriteStartArray("recipients");
        foreach (var recipient in receipt.Recipients)
            writer.WriteStringValue(recipient);
        writer.WriteEndArray();
    });

    /// <summary>
    /// <c>{"report":"DR"|"NDR"|"ESCALATION","msg_id":...,"recipient":...,"at":...}</c>, an NDR with its reason
    /// (schemas/report.schema.json); <c>a42 listen</c> names the participant whose feed it is.
    /// </summary>
    public static string Report(MeshEvent report, string? participant = null) => Write(writer =>
    {
        if (participant is not null)
            writer.WriteString("participant", participant);
        var (name, recipient) = report switch
        {
            Delivered delivered => ("DR", delivered.Recipient),
            NotDelivered notDelivered => ("NDR", notDelivered.Recipient),
            Escalated escalated => ("ESCALATION", escalated.Recipient),
            _ => throw new ArgumentException($"{report.GetType().Name} is not a delivery report", nameof(report)),
        };
        writer.WriteString("report", name);
        writer.WriteString("msg_id", report.MessageId);
        writer.WriteString("recipient", recipient);
        if (report is NotDelivered { Reason: { } reason })
            writer.WriteString("reason", EnvelopeCodec.WireName(reason));
        if (report is Escalated { ThresholdPercent: var threshold })
            writer.WriteNumber("threshold_percent", threshold);
        writer.WriteString("at", Timestamp(report.At));
    });

    /// <summary><c>{"participant":"DE","sequence":N,"precedence":"FLASH","verified":true,"envelope":{...}}</c> (schemas/listen-line.schema.json).</summary>
    public static string Received(string participant, InboxMessage message, bool verified) => Write(writer =>
    {
        writer.WriteString("participant", participant);
        writer.WriteNumber("sequence", message.Sequence);
        writer.WriteString("precedence", EnvelopeCodec.WireName(message.Precedence));
        writer.WriteBoolean("verified", verified);
        writer.WriteBoolean("redelivered", message.Redelivered);
        writer.WritePropertyName("envelope");
        writer.WriteRawValue(EnvelopeCodec.Encode(message.Envelope));
    });

    /// <summary>UTC with milliseconds, as every a42 JSON line writes times.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One JSON object on one line.</summary>
    public static string Write(Action<Utf8JsonWriter> properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
