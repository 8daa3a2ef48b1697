using System.Text.RegularExpressions;

namespace Article42.Mesh.IntegrationTests;

public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task The_silo_serves_Prometheus_text_with_the_mesh_and_Orleans_meters_after_real_traffic()
    {
        using var home = new TempHome();
        using var http = OperatorHttp.Client();
        var ports = SiloPorts.Free();
        await using var silo = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags());
        await silo.ReadyAsync();
        Assert.Equal(ports.Url("/metrics").ToString(), await silo.LineAsync("metrics"));

        await using (var client = await MeshClient.ConnectEmbeddedAsync(ports.Gateway))
        {
            var store = TrustStore.Open(Path.Combine(home.Path, "keys"));
            var france = client.Client.GetGrain<IParticipantGrain>("FR");
            var session = await france.OpenSessionAsync(SessionProofs.Create(await france.ChallengeAsync(), store.LoadPrivateKey("FR"), consuming: false));
            var envelope = EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, "FR", ["DE"], []), DateTimeOffset.UtcNow);
            var outcome = await france.SubmitAsync(session.Grant!.Token, EnvelopeSignatures.Sign(envelope, store.LoadPrivateKey("FR")));
            Assert.NotNull(outcome.Receipt);
        }

        var lines = Array.Empty<string>();
        await Deadline.UntilAsync(async () =>
        {
            lines = (await http.GetStringAsync(ports.Url("/metrics"), TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return lines.Any(l => l.StartsWith("a42_messages_delivered_total{", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(30), "the delivery to show in /metrics");

        Assert.All(lines.Where(l => !l.StartsWith('#')), line => Assert.Matches(SampleLine(), line));
        Assert.Contains(lines, l => l.StartsWith("a42_messages_submitted_total{", StringComparison.Ordinal) && l.Contains("a42_kind=\"SITREP\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("a42_delivery_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("a42_precedence=\"PRIORITY\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("a42_inbox_backlog{", StringComparison.Ordinal) && l.Contains("a42_participant=\"DE\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("message_id", StringComparison.Ordinal));
        await silo.TerminateAsync();
    }

    // name{label="value",...} value [timestamp]: the Prometheus text exposition format.
    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? [-+0-9.eEInfNa]+( [0-9]+)?$""")]
    private static partial Regex SampleLine();
}
