using System.Diagnostics;
using Article42.Mesh.Benchmarks.Cli;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Scenarios;
using Article42.Mesh.Benchmarks.Systems.Mesh;

// Usage: BenchOptions.Usage. Exit 0 with the figures, 2 for a bad command line, 1 when a run could not be made.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (BenchUsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var loadAtStart = MachineInfo.LoadAverage();
var clock = Stopwatch.StartNew();
Console.WriteLine($"{Environment.ProcessorCount} cores, load average {string.Join(" ", loadAtStart ?? [])}; {options.Gateways} gateways; window {options.Seconds:0.#} s after {options.Warmup:0.#} s warm-up{(options.Quick ? " (quick)" : "")}");
await using var services = new ClusterServices();
var context = new BenchContext(options, services);
context.Report["command"] = options.Command;
context.Report["quick"] = options.Quick;
string[] commands = options.Command == "all" ? ["delivery", "preemption", "backlog", "tracing", "verification"] : [options.Command];
try
{
    foreach (var command in commands)
    {
        await (command switch
        {
            "delivery" => DeliveryBenchmark.RunAsync(context),
            "preemption" => PreemptionBenchmark.RunAsync(context),
            "backlog" => BacklogBenchmark.RunAsync(context),
            "verification" => VerificationBenchmark.RunAsync(context),
            "prefill" => PrefillBenchmark.RunAsync(context),
            "journal" => JournalCostBenchmark.RunAsync(context),
            _ => TracingBenchmark.RunAsync(context),
        });
    }
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    // A mesh that would not start (no PostgreSQL binaries, a port taken) or a fill that never completed: one line.
    // TestKit's "service unavailable" messages carry xunit's dynamic-skip marker; it means nothing here.
    var reason = ex.Message.Replace("$XunitDynamicSkip$", "", StringComparison.Ordinal).Split('\n')[0];
    Console.Error.WriteLine($"error {BenchUsageException.NotRun} {options.Command}: {reason}");
    return 1;
}

context.Report["machine"] = MachineInfo.Describe(loadAtStart);
context.Report["elapsed_s"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:0.0} s; load average now {string.Join(" ", MachineInfo.LoadAverage() ?? [])}");
if (options.JsonPath is { } path)
{
    await File.WriteAllTextAsync(path, context.Report.ToJsonString(Json.Indented));
    Console.WriteLine($"figures written to {path}");
}
return 0;
