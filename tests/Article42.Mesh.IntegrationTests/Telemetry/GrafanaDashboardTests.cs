using System.Net;
using System.Text.Json;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests.Telemetry;

public sealed class GrafanaDashboardTests
{
    [Fact]
    public void The_PromQL_reader_finds_metric_names_and_nothing_else()
    {
        Assert.Equal(["a42_delivery_duration_seconds_bucket"], PromQl.MetricNames("histogram_quantile(0.99, sum by (le, a42_precedence) (rate(a42_delivery_duration_seconds_bucket{a42_precedence=\"FLASH\",le=\"2\"}[$__rate_interval])))"));
        Assert.Equal(["a", "b_total"], PromQl.MetricNames("sum(a) / on (x) group_left (y) sum without (z) (increase(b_total[5m] offset 1h)) > bool 1e3"));
    }

    [Fact]
    public async Task Every_Grafana_panel_queries_only_metrics_a_live_silo_exports_at_its_metrics_endpoint()
    {
        var panels = Panels(RepositoryRoot.Of("deploy/grafana/article42-mesh.json"));
        Assert.Contains(panels, p => p.Row == "Delivery");
        Assert.Contains(panels, p => p.Row == "Latency and SLOs" && p.Title.Contains("escalations", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(panels, p => p.Row == "Backlog");
        Assert.Contains(panels, p => p.Row == "Retries and dead letters");
        Assert.Contains(panels, p => p.Row == "Silo health");

        var exported = await ExportedAfterAWorkloadAsync();

        Assert.All(panels, panel =>
        {
            Assert.NotEmpty(panel.Expressions);
            foreach (var expression in panel.Expressions)
            {
                var names = PromQl.MetricNames(expression);
                Assert.True(names.Count > 0, $"panel '{panel.Title}': no metric in {expression}");
                var unknown = names.Except(exported).ToList();
                Assert.True(unknown.Count == 0, $"panel '{panel.Title}' queries {string.Join(", ", unknown)}, which the silo does not export");
            }
        });
        Assert.Contains("a42_deliveries_retried_total", exported);
        Assert.Contains("a42_receipts_escalated_total", exported);
    }

    [Fact]
    public void The_Prometheus_scrape_config_scrapes_the_silos_metrics_path()
    {
        var config = File.ReadAllLines(RepositoryRoot.Of("deploy/prometheus/prometheus.yml")).Select(l => l.Trim()).ToList();
        Assert.Contains("- job_name: a42-silo", config);
        Assert.Contains("metrics_path: /metrics", config);
        Assert.Contains(config, l => l.StartsWith("- targets: [\"127.0.0.1:8080\"]", StringComparison.Ordinal));
    }

    /// <summary>Sample names at /metrics of an embedded silo after messages were delivered, one acknowledged, one dead-lettered.</summary>
    private static async Task<HashSet<string>> ExportedAfterAWorkloadAsync()
    {
        using var home = new TempHome();
        using var http = OperatorHttp.Client();
        var ports = SiloPorts.Free();
        await using var silo = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags());
        await silo.ReadyAsync();
        var store = TrustStore.Open(Path.Combine(home.Path, "keys"));
        MeshGatewayOptions Options(string participant) => new()
        {
            Participant = participant,
            PrivateKey = store.LoadPrivateKey(participant),
            Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, ports.Gateway)] },
        };
        await using (var france = await MeshGateway.ConnectAsync(Options("FR"), TestContext.Current.CancellationToken))
        await using (var germany = await MeshGateway.ConnectAsync(Options("DE"), TestContext.Current.CancellationToken))
        {
            await france.SendAsync(france.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken);
            await france.SendAsync(france.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken);
            // ENISA is accredited below CONFIDENTIEL UE: accepted, then dead-lettered with an NDR.
            var secret = france.Draft(MessageKind.Sitrep, "ENISA");
            await france.SendAsync(secret with { Label = secret.Label with { Level = Classification.ConfidentielUe } }, TestContext.Current.CancellationToken);
            await using var inbox = germany.ReceiveAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
            Assert.True(await inbox.MoveNextAsync().AsTask().WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(60)), TestContext.Current.CancellationToken), "DE's first SITREP");
            await germany.AckAsync(inbox.Current, TestContext.Current.CancellationToken);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        await Deadline.UntilAsync(async () =>
        {
            var text = await http.GetStringAsync(ports.Url("/metrics"), TestContext.Current.CancellationToken);
            names = [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Select(l => l.Split('{', ' ')[0])];
            return names.Contains("a42_messages_acknowledged_total") && names.Contains("a42_inbox_oldest_unacknowledged_age_seconds");
        }, TimeSpan.FromSeconds(30), "the acknowledgement and the unacknowledged message in /metrics");
        await silo.TerminateAsync();
        return names;
    }

    private static List<(string Row, string Title, List<string> Expressions)> Panels(string file)
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(file));
        var panels = new List<(string, string, List<string>)>();
        var row = "";
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (panel.GetProperty("type").GetString() == "row")
            {
                row = panel.GetProperty("title").GetString()!;
                continue;
            }
            panels.Add((row, panel.GetProperty("title").GetString()!,
                [.. panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!)]));
        }
        return panels;
    }
}
