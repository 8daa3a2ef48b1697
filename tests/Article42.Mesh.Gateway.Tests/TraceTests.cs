using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>The spans of real gateways and grains, caught in memory: one trace per message, from the sender's gateway to the recipient's.</summary>
public sealed class TraceTests(MeshFixture fixture) : IClassFixture<MeshFixture>
{
    private readonly SpanCollector _spans = new();

    private MeshCluster Mesh => fixture.Mesh;

    [Fact]
    public async Task One_message_from_FR_to_DE_is_one_trace_from_the_FR_gateways_send_through_the_grains_to_the_DE_gateways_ack()
    {
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(MeshTelemetry.Name).AddProcessor(_spans).Build();
        await using var fr = Mesh.Gateway("FR");
        await using var de = Mesh.Gateway("DE");
        await using var inbox = new Reader<InboxMessage>(de.ReceiveAsync);
        // An INCIDENT_REPORT asks for a receipt by default: DE's acknowledgement sends one back to FR.
        var draft = Messages.Draft("FR", ["DE"], MessageKind.IncidentReport);
        await fr.SendAsync(draft);
        var received = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == draft.MsgId, "the INCIDENT_REPORT in DE's inbox");
        await de.AckAsync(received);

        var trace = await TraceAsync(received.Envelope, until: spans => spans.Count(s => s.OperationName == "ack DE") == 2 && spans.Any(s => s.OperationName == "submit DE"));
        var send = Assert.Single(trace, s => s.OperationName == "send DE" && s.Kind == ActivityKind.Producer);
        Assert.Equal(default, send.ParentSpanId);
        Assert.Equal(send.Id, received.Envelope.Trace!.Traceparent);
        Assert.Equal((MeshTelemetry.MessagingSystem, "send", "send", "DE"), (Tag(send, "messaging.system"), Tag(send, "messaging.operation.name"), Tag(send, "messaging.operation.type"), Tag(send, "messaging.destination.name")));
        Assert.Equal((draft.MsgId, EnvelopeCodec.KindName(draft.Kind), EnvelopeCodec.WireName(draft.PrecedenceAction), EnvelopeCodec.WireName(draft.Label.Level)),
            (Tag(send, "messaging.message.id"), Tag(send, "a42.kind"), Tag(send, "a42.precedence"), Tag(send, "a42.label")));
        Assert.Equal(1, send.GetTagItem("a42.attempt"));

        // Every span about the message, in the silo and in both gateways, is a child of the send span.
        var submit = Assert.Single(trace, s => s.OperationName == "submit FR");
        var dispatch = Assert.Single(trace, s => s.OperationName == "dispatch DE");
        var deliver = Assert.Single(trace, s => s.OperationName == "deliver DE");
        var receive = Assert.Single(trace, s => s.OperationName == "receive DE");
        var settled = trace.Where(s => s.OperationName == "ack DE").ToList();
        var gatewayAck = Assert.Single(settled, s => s.Kind == ActivityKind.Client);
        var grainAck = Assert.Single(settled, s => s.Kind == ActivityKind.Consumer);
        Assert.All([submit, dispatch, deliver, receive, gatewayAck, grainAck], span => Assert.Equal(send.SpanId, span.ParentSpanId));
        Assert.All([submit, dispatch, deliver, receive, gatewayAck, grainAck], span => Assert.Equal(draft.MsgId, Tag(span, "messaging.message.id")));
        Assert.Equal(("receive", "settle"), (Tag(receive, "messaging.operation.type"), Tag(gatewayAck, "messaging.operation.type")));
        Assert.True(gatewayAck.StartTimeUtc >= receive.StartTimeUtc + receive.Duration, "the gateway acknowledged after it received");

        // The RECEIPT DE's gateway sent while acknowledging is sent under the ack: FR's question and DE's answer are one trace.
        var receiptSend = Assert.Single(trace, s => s.OperationName == "send FR" && s.Kind == ActivityKind.Producer);
        Assert.Equal(gatewayAck.SpanId, receiptSend.ParentSpanId);
        Assert.Equal(EnvelopeCodec.KindName(MessageKind.Receipt), Tag(receiptSend, "a42.kind"));
        Assert.Equal(receiptSend.SpanId, Assert.Single(trace, s => s.OperationName == "submit DE").ParentSpanId);
    }

    [Fact]
    public async Task A_message_the_mesh_cannot_deliver_ends_its_trace_with_a_dead_letter_settle_span_under_the_gateways_send()
    {
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(MeshTelemetry.Name).AddProcessor(_spans).Build();
        await using var fr = Mesh.Gateway("FR");
        // ENISA is accredited below CONFIDENTIEL UE: the mesh accepts the message, then dead-letters ENISA's copy.
        var draft = Messages.Draft("FR", ["ENISA"], label: Classification.ConfidentielUe);
        await fr.SendAsync(draft);

        var send = await SendSpanAsync(draft.MsgId, "send ENISA");
        var trace = await SpansAsync(send.TraceId, until: spans => spans.Any(s => s.OperationName == "dead_letter ENISA"));
        var deadLetter = Assert.Single(trace, s => s.OperationName == "dead_letter ENISA");
        Assert.Equal(send.SpanId, deadLetter.ParentSpanId);
        Assert.Equal(("settle", "SECURITY_POLICY", ActivityStatusCode.Error), (Tag(deadLetter, "messaging.operation.type"), Tag(deadLetter, "error.type"), deadLetter.Status));
        Assert.Equal(EnvelopeCodec.WireName(Classification.ConfidentielUe), Tag(send, "a42.label"));
        Assert.DoesNotContain(trace, s => s.OperationName == "deliver ENISA");
    }

    [Fact]
    public async Task A_refused_send_is_a_failed_producer_span_naming_the_refusal_code()
    {
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(MeshTelemetry.Name).AddProcessor(_spans).Build();
        await using var mt = Mesh.Gateway("MT");
        var forged = EnvelopeSignatures.Sign(Messages.Draft("MT", ["DE"]), KeyedRegistry.KeyOf("IE"));

        await Assert.ThrowsAsync<MeshRefusedException>(() => mt.SendAsync(forged));

        var send = await SendSpanAsync(forged.MsgId, "send DE");
        Assert.Equal((ErrorCodes.SignatureInvalid, ActivityStatusCode.Error), (Tag(send, "error.type"), send.Status));
    }

    private Task<List<Activity>> TraceAsync(Envelope envelope, Func<List<Activity>, bool> until) =>
        SpansAsync(ActivityContext.Parse(envelope.Trace!.Traceparent, envelope.Trace.Tracestate).TraceId, until);

    private async Task<List<Activity>> SpansAsync(ActivityTraceId trace, Func<List<Activity>, bool> until)
    {
        List<Activity> mine = [];
        await Deadline.UntilAsync(() => until(mine = [.. _spans.Ended.Where(s => s.TraceId == trace)]), TimeSpan.FromSeconds(20), $"the spans of trace {trace}");
        return mine;
    }

    private async Task<Activity> SendSpanAsync(string messageId, string name)
    {
        Activity? send = null;
        await Deadline.UntilAsync(() => (send = _spans.Ended.FirstOrDefault(s => s.OperationName == name && s.Kind == ActivityKind.Producer && Tag(s, "messaging.message.id") == messageId)) is not null,
            TimeSpan.FromSeconds(20), $"the gateway's '{name}' span of {messageId}");
        return send!;
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();
}
