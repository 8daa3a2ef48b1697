using System.Globalization;
using System.Text;
using System.Text.Json;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>What <c>a42 trace</c> and <c>a42 status</c> print: one JSON object with <c>--json</c>, else lines for people.</summary>
public static class OperatorOutput
{
    public static string TraceJson(MessageTrace trace) => JsonLines.Write(writer =>
    {
        writer.WriteString("msg_id", trace.MessageId);
        writer.WriteString("from", trace.From);
        writer.WriteString("label", EnvelopeCodec.WireName(trace.Label));
        writer.WriteBoolean("withheld", trace.Withheld);
        if (trace.Withheld)
            return;
        writer.WriteString("kind", EnvelopeCodec.WireName(trace.Kind!.Value));
        writer.WriteString("precedence", EnvelopeCodec.WireName(trace.Precedence!.Value));
        Optional(writer, "activation_id", trace.ActivationId);
        Optional(writer, "accepted_at", trace.AcceptedAt);
        Optional(writer, "trace_id", trace.TraceId);
        Optional(writer, "key_id", trace.KeyId);
        writer.WriteBoolean("key_revoked", trace.KeyRevoked);
        writer.WriteStartArray("recipients");
        foreach (var r in trace.Recipients)
        {
            writer.WriteStartObject();
            writer.WriteString("recipient", r.Recipient);
            Optional(writer, "delivered_at", r.DeliveredAt);
            Optional(writer, "dead_lettered_at", r.DeadLetteredAt);
            Optional(writer, "reason", r.Reason is { } reason ? EnvelopeCodec.WireName(reason) : null);
            writer.WriteNumber("times_handed", r.TimesHanded);
            Optional(writer, "first_handed_at", r.FirstHandedAt);
            Optional(writer, "acknowledged_at", r.AcknowledgedAt);
            Optional(writer, "receipt_at", r.ReceiptAt);
            writer.WriteStartArray("escalations");
            foreach (var threshold in r.Escalations)
                writer.WriteNumberValue(threshold);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    public static string TraceText(MessageTrace trace)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"message  {trace.MessageId} from {trace.From}, {EnvelopeCodec.WireName(trace.Label)}");
        if (trace.Withheld)
            return text.Append("withheld: labelled above your clearance").ToString();
        text.AppendLine(CultureInfo.InvariantCulture, $"kind     {EnvelopeCodec.WireName(trace.Kind!.Value)} {EnvelopeCodec.WireName(trace.Precedence!.Value)}{(trace.ActivationId is { } a ? $" in {a}" : "")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"accepted {Time(trace.AcceptedAt)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"trace    {trace.TraceId ?? "-"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"key      {trace.KeyId ?? "-"}{(trace.KeyRevoked ? " REVOKED since acceptance" : "")}");
        text.AppendLine("recipient    delivered                 handed  acknowledged              receipt                   note");
        foreach (var r in trace.Recipients)
        {
            var note = r.DeadLetteredAt is { } dead ? $"NDR {(r.Reason is { } why ? EnvelopeCodec.WireName(why) : "")} at {Time(dead)}" : "";
            if (!r.Escalations.IsEmpty)
                note += $" escalated at {string.Join(",", r.Escalations)}%";
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Recipient,-12} {Time(r.DeliveredAt),-25} {r.TimesHanded,6}  {Time(r.AcknowledgedAt),-25} {Time(r.ReceiptAt),-25} {note.Trim()}");
        }
        return text.ToString().TrimEnd();
    }

    public static string StatusJson(MeshStatus status) => JsonLines.Write(writer =>
    {
        writer.WriteString("at", JsonLines.Timestamp(status.At));
        writer.WriteStartArray("silos");
        foreach (var silo in status.Silos)
        {
            writer.WriteStartObject();
            writer.WriteString("address", silo.Address);
            writer.WriteString("name", silo.Name);
            writer.WriteString("status", JsonNamingPolicy.SnakeCaseUpper.ConvertName(silo.Status));
            writer.WriteString("started_at", JsonLines.Timestamp(silo.StartedAt));
            if (silo.RegistryVersion is { } version)
                writer.WriteNumber("registry_version", version);
            else
                writer.WriteNull("registry_version");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteBoolean("registry_mismatch", status.RegistryVersionsDiffer);
        writer.WriteStartArray("participants");
        foreach (var p in status.Participants)
        {
            writer.WriteStartObject();
            writer.WriteString("participant", p.Participant);
            writer.WriteBoolean("gateway_connected", p.GatewayConnected);
            Optional(writer, "last_seen", p.LastSeen);
            writer.WriteNumber("backlog", p.Backlog);
            if (p.OldestUnacknowledgedAge is { } age)
                writer.WriteNumber("oldest_unacknowledged_s", Math.Round(age.TotalSeconds, 3));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("activations");
        foreach (var a in status.Activations)
        {
            writer.WriteStartObject();
            writer.WriteString("activation_id", a.ActivationId);
            writer.WriteBoolean("withheld", a.Withheld);
            Optional(writer, "state", a.State is { } state ? JsonNamingPolicy.SnakeCaseUpper.ConvertName(state.ToString()) : null);
            Optional(writer, "invoker", a.Invoker);
            Optional(writer, "invoked_at", a.InvokedAt);
            writer.WriteNumber("breaches", a.Breaches);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    public static string StatusText(MeshStatus status)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"mesh at {Time(status.At)}: {status.Silos.Length} silo(s), {status.Participants.Count(p => p.GatewayConnected)} gateway(s) connected, {status.Activations.Length} open activation(s)");
        foreach (var silo in status.Silos)
            text.AppendLine(CultureInfo.InvariantCulture, $"silo        {silo.Address} {silo.Name} {silo.Status} since {Time(silo.StartedAt)}, registry version {silo.RegistryVersion?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
        if (status.RegistryVersionsDiffer)
            text.AppendLine(CultureInfo.InvariantCulture, $"registry    MISMATCH: the silos apply versions {string.Join(", ", status.Silos.Select(s => s.RegistryVersion?.ToString(CultureInfo.InvariantCulture) ?? "unknown").Distinct())}; a silo that stays behind logs why it refused the newest document");
        text.AppendLine("participant  gateway  last seen                 backlog  oldest unacked");
        foreach (var p in status.Participants.Where(p => p.GatewayConnected || p.LastSeen is not null || p.Backlog > 0))
            text.AppendLine(CultureInfo.InvariantCulture, $"{p.Participant,-12} {(p.GatewayConnected ? "up" : "-"),-8} {Time(p.LastSeen),-25} {p.Backlog,7}  {(p.OldestUnacknowledgedAge is { } age ? $"{age.TotalSeconds:0} s" : "-")}");
        foreach (var a in status.Activations)
        {
            if (a.Withheld)
                text.AppendLine(CultureInfo.InvariantCulture, $"activation  {a.ActivationId} withheld (above your clearance)");
            else
                text.AppendLine(CultureInfo.InvariantCulture, $"activation  {a.ActivationId} {a.State} by {a.Invoker} since {Time(a.InvokedAt)}, {a.Breaches} SLO breach(es)");
        }
        return text.ToString().TrimEnd();
    }

    private static string Time(DateTimeOffset? at) => at is { } value ? JsonLines.Timestamp(value) : "-";

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static void Optional(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } at)
            writer.WriteString(name, JsonLines.Timestamp(at));
    }
}
