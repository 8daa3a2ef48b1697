using Article42.Mesh.Faults.Checking;
using Article42.Mesh.Faults.Clients;
using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.History;
using Article42.Mesh.Faults.Nemeses;

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
        var clients = participants.Select((p, i) => new ClientNode(new ClientSettings(
            p, [.. participants.Where(x => x != p)], cluster.Keys, cluster.Gateways, histories,
            Directory.CreateDirectory(Path.Combine(artefacts, name, "state", p)).FullName, seed + i, Interval), logs, cluster.ClientPlace(i))).ToList();
        try
        {
            await Task.WhenAll(clients.Select(c => c.StartAsync()));
            timeline.Note(name, $"clients {string.Join(',', participants)} started");
            await ReceiptsAsync(histories, after: DateTimeOffset.MinValue, "the load flowing before the fault");
            var context = new NemesisContext(cluster, clients, timeline, name, new Random(seed), clock);
            timeline.Note(name, $"fault: {nemesis.Does}");
            var healed = await nemesis.InjectAsync(context);
            var converged = await MembershipConvergence.AfterAsync(cluster, healed, clock);
            timeline.Note(name, converged is { } c ? $"membership converged {c.TotalSeconds:0.0} s after the heal" : $"membership NOT converged {MembershipConvergence.Within.TotalSeconds:0} s after the heal");
            await ReceiptsAsync(histories, healed, "receipts again after the heal");
            await Task.WhenAll(clients.Select(c => c.StopSendingAsync(SendDeadlineAndMargin)));
            timeline.Note(name, "load stopped");
            var window = new CheckWindow(healed, Deadline.Scaled(CheckWindow.DefaultGrace));
            await DrainAsync(histories, window);
            foreach (var client in clients)
                await client.StopAsync();
            var entries = HistoryFiles.ReadAll(histories);
            var result = new ScenarioResult(name, HistoryChecker.Check(entries, window), Recovery.After(entries, healed), histories) { Converged = converged };
            timeline.Note(name, result.Figures());
            return result;
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
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
