using System.Globalization;
using System.Text.RegularExpressions;

namespace Article42.Mesh.IntegrationTests;

public sealed partial class MetricsEndpointTests
{
    private static readonly string[] Sitrep = ["a42_kind=\"SITREP\"", "a42_precedence=\"PRIORITY\""];
    private static readonly string[] Priority = ["a42_precedence=\"PRIORITY\""];
    private static readonly string[] ToGermany = ["a42_participant=\"DE\""];

    [Fact]
    public async Task The_silo_serves_Prometheus_text_with_the_mesh_and_Orleans_meters_after_real_traffic()
    {
        using var home = new TempHome();
        using var http = OperatorHttp.Client();
        var ports = SiloPorts.Free();
        await using var silo = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags());
        await silo.ReadyAsync();
        Assert.Equal(ports.Url("/metrics").ToString(), await silo.LineAsync("metrics"));

        // A fresh embedded silo, and no client but this one: every message its counters count is one of these.
        const int Sent = 3;
        await using (var client = await MeshClient.ConnectEmbeddedAsync(ports.Gateway))
        {
            var store = TrustStore.Open(Path.Combine(home.Path, "keys"));
            var france = client.Client.GetGrain<IParticipantGrain>("FR");
            var session = await france.OpenSessionAsync(SessionProofs.Create(await france.ChallengeAsync(), store.LoadPrivateKey("FR"), consuming: false));
            for (var i = 0; i < Sent; i++)
            {
                var envelope = EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, "FR", ["DE"], []), DateTimeOffset.UtcNow);
                var outcome = await france.SubmitAsync(session.Grant!.Token, EnvelopeSignatures.Sign(envelope, store.LoadPrivateKey("FR")));
                Assert.NotNull(outcome.Receipt);
            }
        }

        // Delivery runs after the receipt: wait until all of it shows, then hold every value to the traffic exactly.
        var lines = Array.Empty<string>();
        await Deadline.UntilAsync(async () =>
        {
            lines = (await http.GetStringAsync(ports.Url("/metrics"), TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return Sum(lines, "a42_messages_delivered_total", Sitrep) >= Sent && Sum(lines, "a42_inbox_backlog", ToGermany) >= Sent;
        }, TimeSpan.FromSeconds(30), $"{Sent} deliveries to show in /metrics");

        Assert.All(lines.Where(l => !l.StartsWith('#')), line => Assert.Matches(SampleLine(), line));
        Assert.Equal(Sent, Sum(lines, "a42_messages_submitted_total", Sitrep));
        Assert.Equal(Sent, Sum(lines, "a42_messages_submitted_total"));
        Assert.Equal(Sent, Sum(lines, "a42_messages_delivered_total", Sitrep)); // one recipient: one copy each
        Assert.Equal(Sent, Sum(lines, "a42_messages_delivered_total"));
        Assert.Equal(Sent, Sum(lines, "a42_delivery_duration_seconds_count", Priority)); // the latency histogram is by precedence alone
        Assert.Equal(Sent, Sum(lines, "a42_inbox_backlog", ToGermany)); // nobody fetched DE's inbox
        Assert.Equal(0, Sum(lines, "a42_messages_acknowledged_total"));
        Assert.Equal(0, Sum(lines, "a42_messages_refused_total"));
        Assert.Contains(lines, l => l.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("message_id", StringComparison.Ordinal));
        await silo.TerminateAsync();
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/> (0 when none).</summary>
    private static double Sum(IEnumerable<string> lines, string metric, params string[] labels) =>
        lines.Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .Sum(ValueOf);

    // The value follows the labels (or the name, without labels); a timestamp may follow it.
    private static double ValueOf(string sample)
    {
        var afterName = sample.Contains('{', StringComparison.Ordinal) ? sample[(sample.LastIndexOf('}') + 1)..] : sample[sample.IndexOf(' ', StringComparison.Ordinal)..];
        return double.Parse(afterName.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    // name{label="value",...} value [timestamp]: the Prometheus text exposition format.
    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? [-+0-9.eEInfNa]+( [0-9]+)?$""")]
    private static partial Regex SampleLine();
}
