using Article42.Mesh.Faults.Checking;
using Article42.Mesh.Faults.Clients;
using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.History;
using Article42.Mesh.Faults.Nemeses;
using Article42.Mesh.Faults.Network;

namespace Article42.Mesh.Faults.Runs;

/// <summary>
/// Runs one scenario on a running cluster: three fresh client processes (participants of their own, so scenarios never
/// see each other's messages) send and receive; once the load flows, the nemesis strikes and heals; the load runs on a
/// little, stops, the mesh is given until the last heal + the grace to hand everything; then the histories are checked.
/// </summary>
public sealed class ScenarioRunner(FaultCluster cluster, Timeline timeline, string artefacts, TimeProvider clock)
{
    /// <summary>Receipts the load must have before the fault, and after the heal before it stops.</summary>
    private const int Flowing = 15;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SendDeadlineAndMargin = TimeSpan.FromSeconds(120);

    public async Task<ScenarioResult> RunAsync(Nemesis nemesis, IReadOnlyList<string> participants, int seed, int round)
    {
        ArgumentNullException.ThrowIfNull(nemesis);
        ArgumentNullException.ThrowIfNull(participants);
        var name = $"{round:00}-{nemesis.Name}";
        var histories = Directory.CreateDirectory(Path.Combine(artefacts, name, "histories")).FullName;
        var logs = new ProcessLogs(Path.Combine(artefacts, name, "logs"));
        IReadOnlyList<GatewayProxies> proxies = nemesis.ThroughProxies
            ? [.. participants.Select((p, i) => new GatewayProxies(Path.Combine(artefacts, name, $"proxy-{p}.delay"), cluster.Gateways, logs, cluster.ClientPlace(i)))]
            : [];
        var clients = participants.Select((p, i) => new ClientNode(new ClientSettings(
            p, [.. participants.Where(x => x != p)], cluster.Keys, proxies.Count > 0 ? proxies[i].Gateways : cluster.Gateways, histories,
            Directory.CreateDirectory(Path.Combine(artefacts, name, "state", p)).FullName, seed + i, Interval), logs, cluster.ClientPlace(i))).ToList();
        DateTimeOffset? healed = null;
        TimeSpan? converged = null;
        string? failure = null;
        try
        {
            await Task.WhenAll(proxies.Select((x, i) => x.StartAsync($"proxy {participants[i]}")));
            await Task.WhenAll(clients.Select(c => c.StartAsync()));
            timeline.Note(name, $"clients {string.Join(',', participants)} started");
            await ReceiptsAsync(histories, after: DateTimeOffset.MinValue, "the load flowing before the fault");
            var context = new NemesisContext(cluster, clients, timeline, name, new Random(seed), clock) { Proxies = proxies };
            timeline.Note(name, $"fault: {nemesis.Does}");
            healed = await nemesis.InjectAsync(context);
            converged = await MembershipConvergence.AfterAsync(cluster, healed.Value, clock);
            timeline.Note(name, converged is { } c ? $"membership converged {c.TotalSeconds:0.0} s after the heal" : $"membership NOT converged {MembershipConvergence.Within.TotalSeconds:0} s after the heal");
            await ReceiptsAsync(histories, healed.Value, "receipts again after the heal");
            await Task.WhenAll(clients.Select(c => c.StopSendingAsync(SendDeadlineAndMargin)));
            timeline.Note(name, "load stopped");
            await DrainAsync(histories, Window(healed.Value));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            // A silo start not ready in time, a wait for receipts or for a client that timed out, a process that exited
            // unasked: the round is red with its reason, and the run goes on (FaultRun repairs the cluster first).
            failure = FirstLine(ex.Message);
            var at = timeline.Note(name, $"ROUND FAILED: {failure}");
            healed ??= at;
        }
        try
        {
            foreach (var client in clients)
                failure ??= await StopAsync(client);
            var entries = HistoryFiles.ReadAll(histories);
            var result = new ScenarioResult(name, HistoryChecker.Check(entries, Window(healed.Value)), Recovery.After(entries, healed.Value), histories) { Converged = converged, Failure = failure };
            timeline.Note(name, result.Figures());
            return result;
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
            foreach (var proxy in proxies)
                await proxy.DisposeAsync();
        }
    }

    private static CheckWindow Window(DateTimeOffset healed) => new(healed, Deadline.Scaled(CheckWindow.DefaultGrace));

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>
    /// Stops a client that still runs (one killed by a nemesis and not restarted, in a failed round, has nothing to
    /// stop); returns why the round fails when it would not exit on SIGTERM (it is killed).
    /// </summary>
    private static async Task<string?> StopAsync(ClientNode client)
    {
        if (client.Process is not { HasExited: false })
            return null;
        try
        {
            await client.StopAsync();
            return null;
        }
        catch (TimeoutException ex)
        {
            return FirstLine(ex.Message);
        }
    }

    private async Task ReceiptsAsync(string histories, DateTimeOffset after, string what) =>
        await Deadline.UntilAsync(
            () => HistoryFiles.ReadAll(histories).Count(e => e.Op == Operation.Ok && e.At > after) >= Flowing,
            TimeSpan.FromMinutes(2), what);

    /// <summary>
    /// Until nothing is lost, stuck or unreported (everything accepted handed, acknowledged and reported) or the window
    /// closes: the final check then says what is missing.
    /// </summary>
    private async Task DrainAsync(string histories, CheckWindow window)
    {
        // The window is scaled already; Deadline scales what it is given, so it gets the unscaled remainder.
        var remaining = (window.DueBy(clock.GetUtcNow()) - clock.GetUtcNow()) / Deadline.Multiplier;
        try
        {
            await Deadline.UntilAsync(() =>
            {
                var report = HistoryChecker.Check(HistoryFiles.ReadAll(histories), window);
                return report.Count(ViolationKind.Lost) + report.Count(ViolationKind.Stuck) + report.Count(ViolationKind.Reports) == 0;
            }, remaining, "every accepted message handed, acknowledged and reported");
        }
        catch (TimeoutException)
        {
            // The window closed: the final check names what is missing.
        }
    }
}
