using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The one <see cref="ActivitySource"/> and the one <see cref="Meter"/> of the mesh, both <c>Article42.Mesh</c>, and
/// their instruments. Span and attribute names follow the OpenTelemetry semantic conventions for messaging
/// (messaging spans, v1.27+): <c>send</c> at the gateway, <c>process</c> in grains, <c>settle</c> for
/// acknowledgements, non-delivery and dead letters. No message id ever becomes a metric tag.
/// </summary>
public static class MeshTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Article42.Mesh";
    /// <summary>The <c>messaging.system</c> attribute of every messaging span.</summary>
    public const string MessagingSystem = "article42.mesh";

    /// <summary>The mesh's one activity source.</summary>
    public static ActivitySource Source { get; } = new(Name, typeof(MeshTelemetry).Assembly.GetName().Version?.ToString());
    /// <summary>The mesh's one meter.</summary>
    public static Meter Meter { get; } = new(Name, typeof(MeshTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary><c>a42.messages.submitted</c>: messages accepted by the mesh.</summary>
    public static Counter<long> Submitted { get; } = Meter.CreateCounter<long>("a42.messages.submitted", "{message}", "Messages accepted by the mesh (durable before the receipt).");
    /// <summary><c>a42.messages.delivered</c>: copies stored durably in a recipient's inbox.</summary>
    public static Counter<long> Delivered { get; } = Meter.CreateCounter<long>("a42.messages.delivered", "{message}", "Copies stored durably in a recipient's inbox (delivery reports).");
    /// <summary><c>a42.messages.acknowledged</c>: messages a gateway acknowledged.</summary>
    public static Counter<long> Acknowledged { get; } = Meter.CreateCounter<long>("a42.messages.acknowledged", "{message}", "Messages a gateway acknowledged.");
    /// <summary><c>a42.deliveries.retried</c>: delivery attempts retried after a failure.</summary>
    public static Counter<long> Retried { get; } = Meter.CreateCounter<long>("a42.deliveries.retried", "{attempt}", "Delivery attempts retried after a failure.");
    /// <summary><c>a42.messages.dead_lettered</c>: recipient copies dead-lettered with a non-delivery report.</summary>
    public static Counter<long> DeadLettered { get; } = Meter.CreateCounter<long>("a42.messages.dead_lettered", "{message}", "Recipient copies dead-lettered with a non-delivery report.");
    /// <summary><c>a42.receipts.escalated</c>: default receipts missing at 50% or 100% of their SLO.</summary>
    public static Counter<long> Escalations { get; } = Meter.CreateCounter<long>("a42.receipts.escalated", "{escalation}", "Default receipts missing at 50% or 100% of their SLO.");
    /// <summary><c>a42.messages.refused</c>: submits refused, by error code.</summary>
    public static Counter<long> Refused { get; } = Meter.CreateCounter<long>("a42.messages.refused", "{message}", "Submits refused, by error code.");

    /// <summary>
    /// Records a zero on the counters of what a healthy mesh may never do (retry, dead-letter, refuse, escalate), so
    /// they are exported from the start and a dashboard's <c>rate()</c> or an alert reads 0 rather than no data
    /// (Prometheus' advice for counters that are rarely incremented).
    /// </summary>
    public static void StartRareCountersAtZero()
    {
        Retried.Add(0);
        DeadLettered.Add(0);
        Refused.Add(0);
        Escalations.Add(0);
    }

    /// <summary>From the envelope's creation to durable storage in the recipient's inbox, by precedence.</summary>
    public static Histogram<double> DeliveryLatency { get; } = Meter.CreateHistogram<double>(
        "a42.delivery.duration", "s", "End-to-end delivery latency: created_at to durable in the recipient's inbox.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300] });

    /// <summary>The trace context the gateway's send span stored in the envelope, if any.</summary>
    public static ActivityContext ContextOf(Envelope envelope) =>
        envelope.Trace is { } trace && ActivityContext.TryParse(trace.Traceparent, trace.Tracestate, isRemote: true, out var context) ? context : default;

    /// <summary>The trace field for an envelope sent under <paramref name="activity"/>.</summary>
    public static TraceContext? TraceOf(Activity? activity) =>
        activity is null ? null : new TraceContext { Traceparent = activity.Id!, Tracestate = activity.TraceStateString };

    /// <summary>
    /// A span about one or more messages: parented on the message's own trace when there is one message, linked to
    /// every message's trace when there are several (the messaging conventions for batches). A span about messages
    /// known only once an operation ended (a fetch) passes the operation's <paramref name="startTime"/>.
    /// </summary>
    public static Activity? Start(string operation, string operationType, ActivityKind kind, IReadOnlyList<Envelope> envelopes, string? destination, DateTimeOffset startTime = default)
    {
        if (!Source.HasListeners())
            return null;
        var parent = envelopes.Count == 1 ? ContextOf(envelopes[0]) : default;
        var links = envelopes.Select(ContextOf).Where(c => c != default).Select(c => new ActivityLink(c));
        var activity = Source.StartActivity($"{operation} {destination}".TrimEnd(), kind, parent, tags: null, links: links, startTime);
        if (activity is null)
            return null;
        activity.SetTag("messaging.system", MessagingSystem);
        activity.SetTag("messaging.operation.name", operation);
        activity.SetTag("messaging.operation.type", operationType);
        if (destination is not null)
            activity.SetTag("messaging.destination.name", destination);
        if (envelopes.Count == 1)
            Describe(activity, envelopes[0]);
        else
            activity.SetTag("messaging.batch.message_count", envelopes.Count);
        return activity;
    }

    /// <summary>A span about one message known only by id and trace (an acknowledgement, a dead letter).</summary>
    public static Activity? Start(string operation, string operationType, ActivityKind kind, string messageId, ActivityContext parent, string? destination)
    {
        if (!Source.HasListeners())
            return null;
        var activity = Source.StartActivity($"{operation} {destination}".TrimEnd(), kind, parent);
        activity?.SetTag("messaging.system", MessagingSystem);
        activity?.SetTag("messaging.operation.name", operation);
        activity?.SetTag("messaging.operation.type", operationType);
        activity?.SetTag("messaging.destination.name", destination);
        activity?.SetTag("messaging.message.id", messageId);
        return activity;
    }

    /// <summary>The message attributes of a span about one message.</summary>
    public static void Describe(Activity activity, Envelope envelope)
    {
        activity.SetTag("messaging.message.id", envelope.MsgId);
        if (envelope.ActivationId is not null)
            activity.SetTag("messaging.message.conversation_id", envelope.ActivationId);
        activity.SetTag("a42.kind", EnvelopeCodec.KindName(envelope.Kind));
        activity.SetTag("a42.precedence", EnvelopeCodec.WireName(envelope.PrecedenceAction));
        activity.SetTag("a42.label", EnvelopeCodec.WireName(envelope.Label.Level));
    }

    /// <summary>Marks a span failed with a stable error type (an A42 code, or an exception type).</summary>
    public static void Fail(Activity? activity, string errorType, string? description = null)
    {
        activity?.SetTag("error.type", errorType);
        activity?.SetStatus(ActivityStatusCode.Error, description);
    }

    /// <summary>The metric tags of a message: kind and precedence, never its id.</summary>
    public static TagList Tags(Envelope envelope) => new()
    {
        { "a42.kind", EnvelopeCodec.KindName(envelope.Kind) },
        { "a42.precedence", EnvelopeCodec.WireName(envelope.PrecedenceAction) },
    };
}
