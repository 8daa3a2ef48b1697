using Article42.Mesh.Cli.Exercises;
using Article42.Mesh.Exercises;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 exercise replay DIR</c>: replays a recorded run's arrival log with its seed, without a mesh, and writes the
/// same report (the figures byte for byte): the reactive engine's decisions depend only on the scenario, the seed
/// and the arrivals, in their order.
/// </summary>
public static class ExerciseReplayCommand
{
    public static Command Create()
    {
        var directory = new Argument<string?>("dir")
        {
            Description = $"The report directory of a42 exercise run, holding {ArrivalLog.FileName} and {ReportFiles.ScenarioFileName}.",
            HelpName = "DIR",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var arrivals = new Option<string?>("--arrivals") { Description = $"The arrival log to replay (default: DIR/{ArrivalLog.FileName}).", HelpName = "FILE" };
        var scenario = new Option<string?>("--scenario") { Description = $"The scenario it was recorded from: a file or a shipped scenario's name (default: {ReportFiles.ScenarioFileName} beside the log).", HelpName = "SCENARIO" };
        var output = new Option<string?>("--out") { Description = "Where the replayed report goes (default: DIR/replay).", HelpName = "DIR" };
        var keys = CommonOptions.Keys();
        var command = new Command("replay", "Replay a recorded exercise run's arrival log with the same seed, without a mesh, and write the same report (the same figures, byte for byte).")
        {
            directory, arrivals, scenario, output, keys,
        };
        command.WithExamples(
            "a42 exercise replay ./aar/EX-IRON-WOLF-26",
            "a42 exercise replay --arrivals run1/arrivals.json --scenario cross-border-incursion --out run1-again");
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var logPath = parse.GetValue(arrivals) ?? (parse.GetValue(directory) is { } dir ? Path.Combine(dir, ArrivalLog.FileName)
                : throw new CliException(CliErrorCodes.Usage, "exercise replay", "name the report directory (DIR) or the arrival log (--arrivals FILE)"));
            var home = parse.GetValue(directory) ?? Path.GetDirectoryName(Path.GetFullPath(logPath))!;
            var log = ArrivalLogFile.Read(logPath);
            var recorded = ScenarioFiles.Load(parse.GetValue(scenario) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(logPath))!, ReportFiles.ScenarioFileName),
                TrustStoreLocator.Registry(parse.GetValue(keys)));
            ArrivalLogFile.Matches(logPath, log, recorded);
            var played = recorded with { Compression = log.Compression, Source = log.ScenarioSource.Length > 0 ? log.ScenarioSource : recorded.Source };
            var engine = ArrivalReplay.Play(played, log);
            var report = ExerciseReport.Create(played, log.Seed, ExerciseEngine.Reactive, engine.Observe(log));
            var written = ReportFiles.Write(report, parse.GetValue(output) ?? Path.Combine(home, "replay"));
            Console.WriteLine($"replayed {log.Facts.Length} arrivals of {played.Id} with seed {log.Seed} at x{played.Compression}, without a mesh");
            Console.WriteLine(ConsoleSummary.Write(report));
            Console.WriteLine($"report {Path.Combine(written, "report.html")}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
