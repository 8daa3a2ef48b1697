using Article42.Mesh.Cli.Exercises;
using Article42.Mesh.Exercises;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 exercise list | run | validate | replay | pause | resume | status</c>: tabletop exercises through the real mesh, with an after-action report.</summary>
public static class ExerciseCommand
{
    public static Command Create()
    {
        var exercise = new Command("exercise", "Run tabletop exercises (scenario files) through the mesh and write the after-action report.");
        exercise.Subcommands.Add(List());
        exercise.Subcommands.Add(Run());
        exercise.Subcommands.Add(ExerciseValidateCommand.Create());
        exercise.Subcommands.Add(ExerciseReplayCommand.Create());
        exercise.Subcommands.Add(ExerciseControlCommand.Pause());
        exercise.Subcommands.Add(ExerciseControlCommand.Resume());
        exercise.Subcommands.Add(ExerciseControlCommand.Status());
        return exercise.WithExamples("a42 exercise list", "a42 exercise run cross-border-incursion");
    }

    private static Command List()
    {
        var json = CommonOptions.Json();
        var list = new Command("list", "The scenarios shipped in the tool, the name first.") { json };
        list.WithExamples("a42 exercise list", "a42 exercise list --json | jq -r '.scenarios[].name'");
        list.SetAction(parse => CommandRunner.Run(() =>
        {
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonLines.Write(writer =>
                {
                    writer.WriteStartArray("scenarios");
                    foreach (var scenario in ShippedScenarios.All)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("name", scenario.Name);
                        writer.WriteString("description", scenario.Description);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }));
                return ExitCodes.Success;
            }
            var listing = new Listing("Name", "Description");
            foreach (var scenario in ShippedScenarios.All)
                listing.Add(scenario.Name, scenario.Description);
            listing.Write();
            return ExitCodes.Success;
        }));
        return list;
    }

    private static Command Run()
    {
        var scenario = new Argument<string>("scenario") { Description = "A shipped scenario's name (a42 exercise list) or a scenario file.", HelpName = "SCENARIO" };
        var output = new Option<string?>("--out") { Description = "Where the report goes (default: ./aar/<exercise-id>).", HelpName = "DIR" };
        var speed = WholeNumberOption.Optional("--speed", "Scenario seconds per real second (default: the scenario's compression).", "N", "a whole number of scenario seconds per real second", minimum: 1);
        var gateway = new Option<string?>("--gateway") { Description = "Run against a running mesh at HOST:PORT[,...] instead of an embedded one.", HelpName = "HOST:PORT" };
        var keys = CommonOptions.Keys();
        var operatorKey = new Option<string?>("--operator-key") { Description = "With --gateway: the operator's private key exercise control is signed with (default: KEYS/operator.pem).", HelpName = "FILE" };
        var seed = WholeNumberOption.Any("--seed", "Seed of the simulated behaviour; with the run's arrivals.json it gives the same report figures again (a42 exercise replay) (default: 42).", "N", 42);
        var clients = new Option<ExerciseClients?>("--clients")
        {
            Description = "How the simulated participants connect: per-participant (each its own Orleans client and, with TLS, its own certificate, as real gateways; the default with --gateway) or shared (one client for all; the default on the embedded mesh).",
            HelpName = "CLIENTS",
            CustomParser = result => ParseClients(result),
        };
        var run = new Command("run", "Play a scenario through the mesh with one simulated gateway per participant, each reacting to what the mesh delivers, and write report.html, report.json, report.md and arrivals.json.")
        {
            scenario, output, speed, gateway, keys, operatorKey, seed, clients,
        };
        run.WithExamples(
            "a42 exercise run cross-border-incursion",
            "a42 exercise run hybrid-island --speed 600 --out ./aar/hybrid",
            $"a42 exercise run my-scenario.yaml --gateway 10.0.0.5:{MeshDefaults.GatewayPort}");
        var tls = new GatewayTlsOptions();
        tls.AddTo(run);
        run.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            // The scenario is checked before anything starts (a silo, a connection, a report directory): against the
            // running mesh's trust store, or the shipped registry the embedded silo's fresh trust store is made from.
            var endpoints = parse.GetValue(gateway);
            var registry = endpoints is null ? ParticipantRegistry.Default : TrustStore.Open(TrustStoreLocator.Directory(parse.GetValue(keys))).Registry;
            var loaded = ScenarioFiles.Load(parse.GetValue(scenario)!, registry);
            await using var mesh = endpoints is not null
                ? await ExerciseMesh.RemoteAsync([.. GatewayOptions.ParseEndpoints(endpoints)], TrustStoreLocator.Directory(parse.GetValue(keys)),
                    participant => tls.Resolve(parse, participant, parse.GetValue(keys)),
                    parse.GetValue(operatorKey) ?? Path.Combine(TrustStoreLocator.Directory(parse.GetValue(keys)), $"{TrustStore.OperatorKeyName}.pem"),
                    parse.GetValue(clients) ?? ExerciseClients.PerParticipant)
                : await ExerciseMesh.EmbeddedAsync(parse.GetValue(clients) ?? ExerciseClients.Shared);
            var played = parse.GetValue(speed) is { } compression ? loaded with { Compression = ScenarioFiles.Speed(compression) } : loaded;
            var control = mesh.Control(played.Id);
            Console.WriteLine($"exercise {played.Id}: {played.Name} — reactive players, T+{played.Endex:hh\\:mm} at x{played.Compression} (~{played.RealDuration.TotalSeconds:0} s), mesh {mesh.Profile}");
            var runner = new ReactiveExerciseRunner(mesh.Participants, mesh.Store.LoadPrivateKey, TimeProvider.System);
            var (observations, arrivals) = await ProgressDisplay.RunAsync(played.Endex, progress => runner.RunAsync(played, parse.GetValue(seed), mesh.Summaries, control, progress, Environment.MachineName, mesh.Profile, cancellation));
            var report = ExerciseReport.Create(played, parse.GetValue(seed), ExerciseEngine.Reactive, observations);
            var directory = ReportFiles.Write(report, parse.GetValue(output) ?? Path.Combine("aar", played.Id));
            File.WriteAllText(Path.Combine(directory, ArrivalLog.FileName), arrivals.ToJson());
            File.WriteAllText(Path.Combine(directory, ReportFiles.ScenarioFileName), ScenarioFiles.Text(parse.GetValue(scenario)!));
            Console.WriteLine(ConsoleSummary.Write(report));
            if (await control.StatusAsync(cancellation) is { } status)
                Console.WriteLine($"exercise control: {status.InjectsPlayed}/{status.Injects} injects played, {status.ExpectationsMet.Length} of {status.ExpectationsMet.Length + status.ExpectationsMissed.Length} expected actions met in time");
            Console.WriteLine($"report {Path.Combine(directory, "report.html")}");
            return ExitCodes.Success;
        }));
        return run;
    }

    private static ExerciseClients? ParseClients(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        switch (text)
        {
            case "per-participant":
                return ExerciseClients.PerParticipant;
            case "shared":
                return ExerciseClients.Shared;
            default:
                result.AddError($"expects per-participant or shared, got '{text}'");
                return null;
        }
    }
}
