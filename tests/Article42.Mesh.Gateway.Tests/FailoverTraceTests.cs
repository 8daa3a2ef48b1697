using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Article42.Mesh.Gateway.Tests;

public sealed class FailoverTraceTests
{
    [Fact]
    public async Task A_message_sent_after_the_recipients_silo_was_killed_is_still_one_trace_from_the_senders_gateway_to_the_recipients_ack()
    {
        var spans = new SpanCollector();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(MeshTelemetry.Name).AddProcessor(spans).Build();
        await using var mesh = await MeshCluster.StartAsync(silos: 2);
        var (sender, recipient) = ("FR", "DE");
        var (survivor, doomed) = (mesh.Cluster.Silos[0], mesh.Cluster.Silos[1]);
        await PlaceAsync(mesh, sender, survivor.SiloAddress);
        await PlaceAsync(mesh, recipient, doomed.SiloAddress);
        await using var from = mesh.Gateway(sender);
        await using var to = mesh.Gateway(recipient);
        await using var inbox = new Reader<InboxMessage>(to.ReceiveAsync);
        var before = Messages.Draft(sender, [recipient]);
        await from.SendAsync(before);
        await to.AckAsync(await inbox.NextMatchingAsync(m => m.Envelope.MsgId == before.MsgId, $"a SITREP in {recipient}'s inbox before the failover"));

        // The recipient's mailbox and its gateway's sessions die with their silo; the mailbox comes back on the survivor.
        await mesh.Cluster.KillSiloAsync(doomed);
        var draft = Messages.Draft(sender, [recipient]);
        await from.SendAsync(draft);
        var received = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == draft.MsgId, $"the SITREP in {recipient}'s inbox after the failover", TimeSpan.FromSeconds(90));
        await to.AckAsync(received);

        var traceId = ActivityContext.Parse(received.Envelope.Trace!.Traceparent, null).TraceId;
        List<Activity> trace = [];
        await Deadline.UntilAsync(() => (trace = [.. spans.Ended.Where(s => s.TraceId == traceId)]).Count(s => s.OperationName == $"ack {recipient}") == 2,
            TimeSpan.FromSeconds(30), $"both acknowledgement spans of trace {traceId}");
        var send = Assert.Single(trace, s => s.OperationName == $"send {recipient}" && s.Kind == ActivityKind.Producer);
        var dispatch = Assert.Single(trace, s => s.OperationName == $"dispatch {recipient}");
        // Every delivery attempt is a span under the dispatch, numbered from 1; the last one delivered.
        var attempts = trace.Where(s => s.OperationName == $"send {recipient}" && s.Kind == ActivityKind.Client).OrderBy(s => s.GetTagItem("a42.attempt")).ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, a => Assert.Equal(dispatch.SpanId, a.ParentSpanId));
        Assert.Equal(Enumerable.Range(1, attempts.Count), attempts.Select(a => (int)a.GetTagItem("a42.attempt")!));
        Assert.NotEqual(ActivityStatusCode.Error, attempts[^1].Status);
        Assert.Equal(attempts.Count, dispatch.GetTagItem("a42.attempt"));
        Assert.True(to.ConsumingSessionOpens >= 2, $"{recipient}'s gateway re-opened its consuming session on the surviving silo");
        // The fetch that brought it is a child of the send, or linked to it when the fetch brought others too.
        Assert.Contains(trace, s => s.OperationName == $"receive {recipient}" && (s.ParentSpanId == send.SpanId || s.Links.Any(l => l.Context.SpanId == send.SpanId)));
        Assert.All([dispatch, Assert.Single(trace, s => s.OperationName == $"deliver {recipient}")], span => Assert.Equal(send.SpanId, span.ParentSpanId));
        Assert.Equal(2, trace.Count(s => s.OperationName == $"ack {recipient}" && s.ParentSpanId == send.SpanId));
    }

    /// <summary>Moves a participant's mailbox (already woken by the keeper somewhere) to the given silo.</summary>
    private static async Task PlaceAsync(MeshCluster mesh, string participant, SiloAddress silo)
    {
        var grain = mesh.Grain(participant);
        using var asSilo = ClusterSecretScope.Enter(InProcessMesh.ClusterSecret); // placement is not a client call
        await Placement.MoveAsync(mesh.Cluster.Client, grain, async () => await grain.ChallengeAsync(), silo, TimeSpan.FromSeconds(30));
    }
}
