using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The mesh's spans and metrics for known traffic. The meter is static, so a listener hears every silo in this process;
/// the metrics test counts by precedence (the acknowledgement counter carries nothing else), and other classes send and
/// acknowledge DEFERRED messages too (run 94 counted a fourth DEFERRED submit). These tests run alone (no other class in
/// parallel).
/// </summary>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTests(DeliveryFixture mesh) : IClassFixture<DeliveryFixture>
{
    private readonly SpanCollector _spans = new();

    [Fact]
    public async Task One_message_from_FR_to_DE_forms_one_trace_from_the_gateway_send_to_the_recipients_ack()
    {
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(MeshTelemetry.Name).AddProcessor(_spans).Build();
        var (send, message) = SentUnderASpan("FR", ["DE"]);
        await mesh.Gateway("FR").SendAsync(message);
        var germany = mesh.Gateway("DE");
        await germany.ReceiveAsync([message.MsgId]);
        await germany.AcknowledgeAsync([message.MsgId]);

        var trace = await SpansOfTraceAsync(send.TraceId, until: spans => spans.Any(s => s.OperationName == "ack DE"));
        Assert.All(trace.Where(s => s.SpanId != send.SpanId), span => Assert.Equal("article42.mesh", span.GetTagItem("messaging.system")));
        var submit = trace.Single(s => s.OperationName == "submit FR");
        var dispatch = trace.Single(s => s.OperationName == "dispatch DE");
        var deliver = trace.Single(s => s.OperationName == "deliver DE");
        var ack = trace.Single(s => s.OperationName == "ack DE");
        Assert.All([submit, dispatch, deliver, ack], span => Assert.Equal(send.SpanId, span.ParentSpanId));
        Assert.Equal(("process", "process", "process", "settle"), (Type(submit), Type(dispatch), Type(deliver), Type(ack)));
        Assert.Equal(ActivityKind.Consumer, submit.Kind);
        Assert.Equal(ActivityKind.Producer, dispatch.Kind);
        Assert.All([submit, dispatch, deliver, ack], span => Assert.Equal(message.MsgId, span.GetTagItem("messaging.message.id")));
        Assert.Equal("SITREP", submit.GetTagItem("a42.kind"));
        Assert.Equal("PRIORITY", deliver.GetTagItem("a42.precedence"));
        Assert.Equal(1, trace.Single(s => s.OperationName == "send DE" && s.ParentSpanId == dispatch.SpanId).GetTagItem("a42.attempt"));
    }

    [Fact]
    public async Task A_non_delivery_is_a_settle_span_in_the_messages_trace_naming_the_reason()
    {
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(MeshTelemetry.Name).AddProcessor(_spans).Build();
        var (send, message) = SentUnderASpan("FR", ["ENISA"], e => e with { Label = e.Label with { Level = Classification.ConfidentielUe } });
        await mesh.Gateway("FR").SendAsync(message);

        var trace = await SpansOfTraceAsync(send.TraceId, until: spans => spans.Any(s => s.OperationName == "dead_letter ENISA"));
        var deadLetter = trace.Single(s => s.OperationName == "dead_letter ENISA");
        Assert.Equal("settle", Type(deadLetter));
        Assert.Equal("SECURITY_POLICY", deadLetter.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, deadLetter.Status);
    }

    [Fact]
    public async Task A_refused_submit_is_a_failed_span_with_the_refusal_code()
    {
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(MeshTelemetry.Name).AddProcessor(_spans).Build();
        var (send, message) = SentUnderASpan("FR", ["DE"], e => e with { Label = e.Label with { Level = Classification.TresSecretUe } });
        Assert.Null((await mesh.Gateway("FR").SubmitAsync(message)).Receipt);
        var submit = (await SpansOfTraceAsync(send.TraceId, until: spans => spans.Any(s => s.OperationName == "submit FR"))).Single(s => s.OperationName == "submit FR");
        Assert.Equal(ErrorCodes.AboveSenderCeiling, submit.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Metrics_count_a_known_workload_by_kind_and_precedence_without_message_ids()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == MeshTelemetry.Name) l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.Start();

        // DEFERRED ROLL_CALLs: a kind and precedence no other test of this class uses, so the counts are this test's alone.
        var messages = Enumerable.Range(0, 3).Select(_ => TestKeys.Signed("IE", ["PT"], MessageKind.RollCall, e => e with { PrecedenceAction = Precedence.Deferred })).ToList();
        foreach (var message in messages)
            await mesh.Gateway("IE").SendAsync(message);
        var portugal = mesh.Gateway("PT");
        await portugal.ReceiveAsync([.. messages.Select(m => m.MsgId)]);
        await portugal.AcknowledgeAsync(messages.Take(2).Select(m => m.MsgId));
        listener.RecordObservableInstruments();

        bool Deferred(Dictionary<string, object?> tags) => Equals(tags.GetValueOrDefault("a42.precedence"), "DEFERRED");
        double Sum(string name) => measurements.Where(m => m.Instrument == name && Deferred(m.Tags)).Sum(m => m.Value);
        Assert.Equal(3, Sum("a42.messages.submitted"));
        Assert.Equal(3, Sum("a42.messages.delivered"));
        Assert.Equal(2, Sum("a42.messages.acknowledged"));
        Assert.Equal(3, measurements.Count(m => m.Instrument == "a42.delivery.duration" && Deferred(m.Tags)));
        Assert.All(measurements.Where(m => m.Instrument == "a42.messages.submitted" && Deferred(m.Tags)), m => Assert.Equal("ROLL_CALL", m.Tags["a42.kind"]));
        Assert.Contains(measurements, m => m.Instrument == "a42.inbox.backlog" && Equals(m.Tags.GetValueOrDefault("a42.participant"), "PT") && m.Value >= 1);
        Assert.Contains(measurements, m => m.Instrument == "a42.inbox.oldest_unacknowledged_age" && Equals(m.Tags.GetValueOrDefault("a42.participant"), "PT"));
        Assert.DoesNotContain(measurements, m => m.Tags.Values.Any(v => messages.Any(x => Equals(v, x.MsgId))));
    }

    private static (Activity Send, Envelope Message) SentUnderASpan(string from, string[] to, Func<Envelope, Envelope>? change = null)
    {
        using var send = MeshTelemetry.Source.StartActivity($"send {to[0]}", ActivityKind.Producer)!;
        var message = TestKeys.Signed(from, to, change: change) with { Trace = MeshTelemetry.TraceOf(send) };
        return (send, message);
    }

    private async Task<List<Activity>> SpansOfTraceAsync(ActivityTraceId trace, Func<List<Activity>, bool> until)
    {
        List<Activity> mine = [];
        await Deadline.UntilAsync(() => until(mine = [.. _spans.Ended.Where(s => s.TraceId == trace)]), TimeSpan.FromSeconds(10), $"the spans of trace {trace}");
        return mine;
    }

    private static string? Type(Activity span) => span.GetTagItem("messaging.operation.type") as string;

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
            result[tag.Key] = tag.Value;
        return result;
    }
}
