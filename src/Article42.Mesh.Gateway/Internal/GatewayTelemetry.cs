using System.Diagnostics;

namespace Article42.Mesh.Gateway;

/// <summary>
/// The gateway's spans, on the mesh's one <see cref="MeshTelemetry.Source"/>: <c>send</c> (PRODUCER, whose context
/// the envelope carries, so every span the mesh makes about the message joins its trace), <c>receive</c> for each
/// fetch that brought messages, and <c>ack</c> (settle) when the application acknowledges them. The SDK only makes
/// spans; the application chooses whether and where to export them.
/// </summary>
internal static class GatewayTelemetry
{
    /// <summary>
    /// The send span: a child of the application's current span, or else of the trace an envelope prepared earlier
    /// already carries (the same message sent again), or a new trace.
    /// </summary>
    public static Activity? StartSend(Envelope envelope)
    {
        var parentOnly = Activity.Current is null ? envelope : envelope with { Trace = null };
        var span = MeshTelemetry.Start("send", "send", ActivityKind.Producer, [parentOnly], string.Join(',', envelope.ToAction));
        span?.SetTag("messaging.client.id", envelope.From);
        return span;
    }

    /// <summary>A receive span for one fetch that brought <paramref name="messages"/>, timed from <paramref name="fetchStarted"/>.</summary>
    public static void Received(IReadOnlyList<InboxMessage> messages, string participant, DateTimeOffset fetchStarted)
    {
        if (messages.Count == 0)
            return;
        using var span = MeshTelemetry.Start("receive", "receive", ActivityKind.Client, [.. messages.Select(m => m.Envelope)], participant, fetchStarted);
        span?.SetTag("messaging.client.id", participant);
    }

    /// <summary>The settle span of an acknowledgement: in the message's trace when there is one, linked to each otherwise.</summary>
    public static Activity? StartAck(IReadOnlyList<(string Id, Envelope? Envelope)> messages, string participant)
    {
        Envelope[] known = [.. messages.Select(m => m.Envelope).OfType<Envelope>()];
        var span = MeshTelemetry.Start("ack", "settle", ActivityKind.Client, known, participant);
        span?.SetTag("messaging.client.id", participant);
        if (span is not null && messages.Count != known.Length)
        {
            // Acknowledged by id without the envelope: the count still says how many.
            span.SetTag("messaging.batch.message_count", messages.Count);
            if (messages.Count == 1)
                span.SetTag("messaging.message.id", messages[0].Id);
        }
        return span;
    }

    /// <summary>Marks a span failed by a refusal (its first code) or an exception (its type).</summary>
    public static void Fail(Activity? span, Exception failure)
    {
        if (failure is MeshRefusedException refused)
            MeshTelemetry.Fail(span, refused.Errors.FirstOrDefault()?.Code ?? nameof(MeshRefusedException), refused.Message);
        else
            MeshTelemetry.Fail(span, failure.GetType().Name, failure.Message);
    }
}
