using System.Diagnostics;

namespace Article42.Mesh.Grains;

/// <summary>A dead letter as telemetry: a settle span in the message's trace and a count by reason.</summary>
internal static class DeadLetterTelemetry
{
    public static void Record(Envelope envelope, string recipient, NonDeliveryReason reason)
    {
        var reasonName = EnvelopeCodec.WireName(reason);
        using var span = MeshTelemetry.Start("dead_letter", "settle", ActivityKind.Internal, [envelope], recipient);
        span?.SetTag("a42.recipient", recipient);
        MeshTelemetry.Fail(span, reasonName, $"non-delivery report {reasonName} for {recipient}");
        var tags = MeshTelemetry.Tags(envelope);
        tags.Add("error.type", reasonName);
        MeshTelemetry.DeadLettered.Add(1, tags);
    }
}
