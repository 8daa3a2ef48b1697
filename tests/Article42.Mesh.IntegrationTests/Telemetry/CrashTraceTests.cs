using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Article42.Mesh.IntegrationTests.Telemetry;

public sealed class CrashTraceTests
{
    [Fact]
    public async Task A_delivery_retried_because_the_recipients_silo_was_SIGKILLed_is_one_trace_with_a_failed_and_a_later_attempt_in_the_dashboard()
    {
        using var asSilo = ClusterSecretScope.Enter(ClusterSiloFlags.ClusterSecret); // the management grain and placement are not client calls
        await using var dashboard = await AspireDashboard.StartAsync();
        using var home = new TempHome();
        await using var redis = await RedisServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        var journal = await postgres.CreateDatabaseAsync("mesh");
        var keys = Path.Combine(home.Path, "registry");
        TrustStore.Create(keys, ParticipantRegistry.Default);
        var otlp = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpGrpcEndpoint, ["OTEL_BSP_SCHEDULE_DELAY"] = "200" };
        var (a, b) = (SiloPorts.Free(), SiloPorts.Free());
        string[] shared =
        [
            .. ClusterSiloFlags.For(redis, journal, keys),
            // Missed probes alone would declare the killed silo dead only after minutes: the test declares it dead itself,
            // by starting it again on its address once delivery attempts have met the dead silo (a silo that joins marks
            // an older incarnation on its address dead). No race with a window: the attempts come first, by construction.
            "--Membership:ProbeTimeout=00:01:00", "--Membership:NumMissedProbesLimit=3",
        ];
        await using var survivor = SiloProcess.Start("silo A", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. a.Flags()], otlp);
        await using var doomed = SiloProcess.Start("silo B", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. b.Flags()], otlp);
        await Task.WhenAll(survivor.ReadyAsync(), doomed.ReadyAsync());
        await using (var mesh = await MeshClient.ConnectAsync(redis.ConnectionString))
        {
            await Deadline.UntilAsync(async () => (await mesh.Management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30), "two active silos");
            await PlaceAsync(mesh, "FR", a.Silo);
            await PlaceAsync(mesh, "DE", b.Silo);
        }

        // DE's mailbox dies with silo B; FR's pump on A retries the delivery until B is declared dead and DE lives again.
        var retried = await RetriedAsync(a);
        await doomed.KillAsync();
        var gateway = $"127.0.0.1:{a.Gateway}";
        await using var sender = SiloProcess.Start("a42 send", "a42.dll", home.Path, ["send", "--as", "FR", "--to", "DE", "--keys", keys, "--gateway", gateway], otlp);
        Assert.True(0 == await sender.ExitedAsync(TimeSpan.FromSeconds(90)), sender.Describe());
        await Deadline.UntilAsync(async () => await RetriedAsync(a) > retried, TimeSpan.FromSeconds(60), "silo A retrying a delivery that met the killed silo");
        await using var reborn = SiloProcess.Start("silo B again", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. b.Flags()], otlp);
        await reborn.ReadyAsync();
        await using var listener = SiloProcess.Start("a42 listen", "a42.dll", home.Path, ["listen", "--as", "DE", "--ack", "--count", "1", "--timeout", "120", "--keys", keys, "--gateway", gateway], otlp);
        Assert.True(0 == await listener.ExitedAsync(TimeSpan.FromSeconds(150)), listener.Describe());
        using var printed = JsonDocument.Parse(listener.Output.Single(l => l.StartsWith('{')));
        var traceId = printed.RootElement.GetProperty("envelope").GetProperty("trace").GetProperty("traceparent").GetString()!.Split('-')[1];

        IReadOnlyList<ReceivedSpan> trace = [];
        await Deadline.UntilAsync(async () => (trace = await dashboard.TraceAsync(traceId)).Count(s => s.Name == "ack DE") == 2,
            TimeSpan.FromSeconds(60), $"trace {traceId} with both acknowledgements in the dashboard");
        var send = Assert.Single(trace, s => s.Name == "send DE" && s.Kind == ReceivedSpan.Producer);
        // Each attempt is a span under a dispatch of the message: the first ones met the dead silo, the last one delivered.
        // (A sender's mailbox the crash cost its directory entry re-activates and dispatches again: another pass, same trace.)
        var dispatches = trace.Where(s => s.Name == "dispatch DE").ToList();
        Assert.NotEmpty(dispatches);
        Assert.All(dispatches, dispatch => Assert.Equal(send.SpanId, dispatch.ParentSpanId));
        var attempts = trace.Where(s => s.Name == "send DE" && s.Kind == ReceivedSpan.Client).OrderBy(s => s.StartTimeUnixNano).ToList();
        Assert.True(attempts.Count >= 2, $"{attempts.Count} delivery attempt(s): the first should have met the killed silo");
        Assert.All(attempts, attempt => Assert.Contains(dispatches, d => d.SpanId == attempt.ParentSpanId));
        Assert.All(dispatches, dispatch => Assert.Equal(
            Enumerable.Range(1, attempts.Count(a => a.ParentSpanId == dispatch.SpanId)).Select(n => n.ToString(CultureInfo.InvariantCulture)),
            attempts.Where(a => a.ParentSpanId == dispatch.SpanId).Select(a => a.Attributes["a42.attempt"])));
        Assert.True(attempts[0].Attributes.ContainsKey("error.type"), "the first attempt failed with an error type");
        Assert.Contains("Unable to connect", attempts[0].StatusMessage, StringComparison.Ordinal);
        Assert.True(dispatches.Exists(d => attempts.LastOrDefault(a => a.ParentSpanId == d.SpanId) is { } last && !last.Attributes.ContainsKey("error.type")),
            "a dispatch ended with an attempt that delivered");
        // At least once into DE's inbox (a pass cut short by the crash may have delivered too: the inbox drops the repeat).
        Assert.All(trace.Where(s => s.Name == "deliver DE"), deliver => Assert.Equal(send.SpanId, deliver.ParentSpanId));
        Assert.Contains(trace, s => s.Name == "deliver DE");
        Assert.Equal(2, trace.Count(s => s.Name == "ack DE" && s.ParentSpanId == send.SpanId));
        Assert.Equal(["a42-gateway", "article42-mesh-silo"], trace.Select(s => s.ServiceName).Distinct().Order());
        await survivor.TerminateAsync();
    }

    /// <summary>Delivery attempts the silo on <paramref name="silo"/> retried after a failure (<c>a42_deliveries_retried_total</c>).</summary>
    private static async Task<double> RetriedAsync(SiloPorts silo)
    {
        using var http = OperatorHttp.Client();
        var metrics = await http.GetStringAsync(silo.Url("/metrics"), TestContext.Current.CancellationToken);
        return Regex.Matches(metrics, @"^a42_deliveries_retried_total(\{[^}]*\})? ([0-9.e+]+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Moves a participant's mailbox to the silo on <paramref name="siloPort"/>.</summary>
    private static async Task PlaceAsync(MeshClient mesh, string participant, int siloPort)
    {
        var grain = mesh.Client.GetGrain<IParticipantGrain>(participant);
        var silo = await Placement.SiloAtPortAsync(mesh.Client, siloPort);
        await Placement.MoveAsync(mesh.Client, grain, async () => await grain.ChallengeAsync(), silo, TimeSpan.FromSeconds(30));
    }
}
