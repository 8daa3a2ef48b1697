using Article42.Mesh.Cli;
using Article42.Mesh.Cli.Commands;
using Article42.Mesh.Cli.Contexts;

var root = new RootCommand("The Article42.Mesh command-line tool (Art. 42(7) TEU mutual-assistance messaging).");
root.Subcommands.Add(ParticipantsCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(EnvelopeCommand.Create());
root.Subcommands.Add(MeshCommand.Create());
root.Subcommands.Add(ExerciseCommand.Create());
root.Subcommands.Add(SendCommand.Create());
root.Subcommands.Add(ListenCommand.Create());
root.Subcommands.Add(TraceCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ContextCommand.Create());
root.Subcommands.Add(CompletionCommand.Create(root));
root.Subcommands.Add(DocsCommand.Create(root));
root.WithExamples(
    "a42 keys init  # a development trust store in ~/.a42/keys",
    "a42 mesh up  # a single-node mesh, in its own terminal",
    "a42 listen --as DE  # in another terminal",
    "a42 send --as FR --to DE --kind SITREP",
    "a42 exercise run cross-border-incursion");
ContextDefaults.Install(root);
HelpPage.Install(root);
using var telemetry = CliTelemetry.Start(args);
return CommandRunner.Invoke(root, args);
