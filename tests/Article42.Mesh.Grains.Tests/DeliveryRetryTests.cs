using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Article42.Mesh.Grains.Tests;

public sealed class DeliveryRetryTests(DeliveryRetryTests.Fixture mesh) : IClassFixture<DeliveryRetryTests.Fixture>
{
    [Fact]
    public async Task A_failed_delivery_is_retried_from_the_senders_activation_until_it_lands_each_attempt_a_span_of_the_messages_trace()
    {
        var spans = new SpanCollector();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(MeshTelemetry.Name).AddProcessor(spans).Build();
        using var root = MeshTelemetry.Source.StartActivity("send LU", ActivityKind.Producer)!;
        var message = TestKeys.Signed("MT", ["LU"]) with { Trace = MeshTelemetry.TraceOf(root) };
        await mesh.Gateway("MT").SendAsync(message);

        // Well within the keeper's minute: the retries themselves deliver, from the sender's activation.
        await mesh.Gateway("LU").ReceiveAsync([message.MsgId], within: TimeSpan.FromSeconds(15));
        Assert.Equal(Fixture.Failures + 1, mesh.Deliveries.Calls);
        List<Activity> trace = [];
        await Deadline.UntilAsync(() => (trace = [.. spans.Ended.Where(s => s.TraceId == root.TraceId)]).Any(s => s.OperationName == "dispatch LU"),
            TimeSpan.FromSeconds(10), "the dispatch span, ended once the delivery is recorded");
        var dispatch = Assert.Single(trace, s => s.OperationName == "dispatch LU");
        var attempts = trace.Where(s => s.OperationName == "send LU" && s.Kind == ActivityKind.Client).ToList();
        Assert.All(attempts, a => Assert.Equal(dispatch.SpanId, a.ParentSpanId));
        Assert.Equal(3, dispatch.GetTagItem("a42.attempt"));
        Assert.Equal([1, 2, 3], attempts.Select(a => (int)a.GetTagItem("a42.attempt")!).Order());
        Assert.All(attempts.Where(a => (int)a.GetTagItem("a42.attempt")! <= Fixture.Failures), a => Assert.Equal(nameof(TimeoutException), a.GetTagItem("error.type")));
        Assert.Equal(ActivityStatusCode.Unset, attempts.Single(a => (int)a.GetTagItem("a42.attempt")! == 3).Status);
    }

    /// <summary>A silo whose first two deliveries to LU fail.</summary>
    public sealed class Fixture : MeshClusterFixture
    {
        public const int Failures = 2;

        public FailingDeliveries Deliveries { get; } = new("LU", Failures);

        protected override void Services(IServiceCollection services) => services.AddSingleton<IIncomingGrainCallFilter>(Deliveries);
    }
}
