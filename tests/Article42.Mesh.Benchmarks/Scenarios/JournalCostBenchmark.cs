using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>journal</c>: the PostgreSQL journal's cost per delivered copy, as the server counted it (<see cref="PostgresCounters"/>):
/// the cluster profile's closed loop point-to-point, with the server's transactions, rows, WAL records and bytes, WAL
/// writes and fsyncs and their time read before and after (warm-up and window together, divided by the copies delivered
/// in between). The input of the scale model (docs/performance.md, issue 18).
/// </summary>
internal static class JournalCostBenchmark
{
    public static async Task RunAsync(BenchContext context)
    {
        Console.WriteLine("journal");
        var setup = new MeshSetup(MeshSetup.Cluster, context.Options.Signatures[0]);
        await using var mesh = await context.StartMeshAsync(setup);
        var database = mesh.JournalDatabase ?? throw new InvalidOperationException("the cluster profile runs on PostgreSQL");
        await PostgresCounters.EnableTimingAsync(database);
        var copiesBefore = mesh.Tracker.EverReceived;
        var before = await PostgresCounters.ReadAsync(database);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var run = await MeshRuns.MeasureAsync(context, mesh, setup, [new ClosedLoad(mesh, Traffic.Of(Pattern.PointToPoint), context.Options.Concurrency)], "point-to-point");
        // A backend reports its counters to the statistics system when idle for a second (PostgreSQL 15): wait for that.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var seconds = started.Elapsed.TotalSeconds - 2;
        var work = (await PostgresCounters.ReadAsync(database)).Since(before);
        var copies = Math.Max(1, mesh.Tracker.EverReceived - copiesBefore);
        double Per(double value) => Math.Round(value / copies, 3);
        Console.WriteLine($"  {copies:N0} copies in {seconds:0.0} s: per copy {Per(work.WriteTransactions)} write transactions ({Per(work.Commits)} commits with the read-only ones), {Per(work.RowsInserted + work.RowsUpdated + work.RowsDeleted)} rows written "
            + $"({Per(work.RowsInserted)} inserted, {Per(work.RowsUpdated)} updated, {Per(work.RowsDeleted)} deleted), {Per(work.WalRecords)} WAL records, {Per(work.WalBytes):0} WAL bytes, "
            + $"{Per(work.WalSyncs)} fsyncs; {work.Commits / seconds:0} commits/s, {work.WalSyncs / seconds:0} fsyncs/s, {work.Commits / (double)Math.Max(1, work.WalSyncs):0.0} commits per fsync, "
            + $"fsync {work.WalSyncMs / Math.Max(1, work.WalSyncs):0.00} ms, WAL write {work.WalWriteMs / Math.Max(1, work.WalWrites):0.00} ms; "
            + $"{work.WriteTransactions / seconds:0} write transactions/s, {work.WriteTransactions / (double)Math.Max(1, work.WalSyncs):0.0} per fsync; {work.Connections} connections open to the journal's database");
        var node = Json.Run(run);
        node["copies"] = copies;
        node["seconds"] = Math.Round(seconds, 1);
        node["postgres"] = new JsonObject
        {
            ["commits"] = work.Commits,
            ["write_transactions"] = work.WriteTransactions,
            ["connections"] = work.Connections,
            ["rows_inserted"] = work.RowsInserted,
            ["rows_updated"] = work.RowsUpdated,
            ["rows_deleted"] = work.RowsDeleted,
            ["wal_records"] = work.WalRecords,
            ["wal_bytes"] = work.WalBytes,
            ["wal_writes"] = work.WalWrites,
            ["wal_syncs"] = work.WalSyncs,
            ["wal_write_ms"] = Math.Round(work.WalWriteMs, 1),
            ["wal_sync_ms"] = Math.Round(work.WalSyncMs, 1),
        };
        context.Report["journal"] = node;
    }
}
