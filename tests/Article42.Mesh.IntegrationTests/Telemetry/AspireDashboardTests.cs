using System.Text.Json;

namespace Article42.Mesh.IntegrationTests.Telemetry;

public sealed class AspireDashboardTests
{
    [Fact]
    public async Task One_message_exported_over_OTLP_by_a_silo_and_two_gateway_processes_reads_back_from_the_Aspire_Dashboard_as_one_trace()
    {
        await using var dashboard = await AspireDashboard.StartAsync();
        using var home = new TempHome();
        var ports = SiloPorts.Free();
        var otlp = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpGrpcEndpoint,
            // The silo's batches leave every 200 ms instead of 5 s; the a42 processes flush when they exit.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        await using var silo = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags(), otlp);
        await silo.ReadyAsync();
        var gateway = $"127.0.0.1:{ports.Gateway}";
        await using var listener = SiloProcess.Start("a42 listen", "a42.dll", home.Path, ["listen", "--as", "DE", "--ack", "--count", "1", "--timeout", "120", "--gateway", gateway], otlp);
        await using var sender = SiloProcess.Start("a42 send", "a42.dll", home.Path, ["send", "--as", "FR", "--to", "DE", "--gateway", gateway], otlp);
        Assert.True(0 == await sender.ExitedAsync(TimeSpan.FromSeconds(60)), sender.Describe());
        Assert.True(0 == await listener.ExitedAsync(TimeSpan.FromSeconds(120)), listener.Describe());

        var sent = Json(sender.Output.Single(l => l.StartsWith('{'))).GetProperty("msg_id").GetString();
        var envelope = Json(listener.Output.Single(l => l.StartsWith('{'))).GetProperty("envelope");
        Assert.Equal(sent, envelope.GetProperty("msg_id").GetString());
        // The trace id the FR gateway's send span put in the envelope, as DE's gateway received it.
        var traceId = envelope.GetProperty("trace").GetProperty("traceparent").GetString()!.Split('-')[1];

        IReadOnlyList<ReceivedSpan> trace = [];
        await Deadline.UntilAsync(async () =>
        {
            trace = await dashboard.TraceAsync(traceId);
            return trace.Count(s => s.Name == "ack DE") == 2 && trace.Select(s => s.ServiceInstanceId).Distinct().Count() == 3;
        }, TimeSpan.FromSeconds(60), $"trace {traceId} in the dashboard with the spans of three processes");

        Assert.All(trace, span => Assert.Equal(traceId, span.TraceId));
        var send = Assert.Single(trace, s => s.Name == "send DE" && s.Kind == ReceivedSpan.Producer);
        Assert.Null(send.ParentSpanId);
        Assert.Equal(sent, send.Attributes["messaging.message.id"]);
        var submit = Assert.Single(trace, s => s.Name == "submit FR");
        var deliver = Assert.Single(trace, s => s.Name == "deliver DE");
        var receive = Assert.Single(trace, s => s.Name == "receive DE");
        var grainAck = Assert.Single(trace, s => s.Name == "ack DE" && s.Kind == ReceivedSpan.Consumer);
        var gatewayAck = Assert.Single(trace, s => s.Name == "ack DE" && s.Kind == ReceivedSpan.Client);
        Assert.All([submit, deliver, receive, grainAck, gatewayAck], span => Assert.Equal(send.SpanId, span.ParentSpanId));

        // Three processes, each saying what it is, each with its own instance id.
        Assert.Equal(("a42-gateway", "article42-mesh-silo", "a42-gateway"), (send.ServiceName, submit.ServiceName, gatewayAck.ServiceName));
        Assert.All([deliver, grainAck], span => Assert.Equal(submit.ServiceInstanceId, span.ServiceInstanceId));
        Assert.Equal(receive.ServiceInstanceId, gatewayAck.ServiceInstanceId);
        Assert.Equal(3, new[] { send.ServiceInstanceId, submit.ServiceInstanceId, gatewayAck.ServiceInstanceId }.Distinct().Count());
        Assert.StartsWith("send-", send.ServiceInstanceId, StringComparison.Ordinal);
        Assert.StartsWith("listen-", gatewayAck.ServiceInstanceId, StringComparison.Ordinal);
        await silo.TerminateAsync();
        Assert.True(0 == await silo.ExitedAsync(TimeSpan.FromSeconds(30)), silo.Describe());
    }

    private static JsonElement Json(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }
}
