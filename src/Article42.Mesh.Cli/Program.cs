using Article42.Mesh.Cli;
using Article42.Mesh.Cli.Commands;

var root = new RootCommand("a42: the Article42.Mesh command-line tool (Art. 42(7) TEU mutual-assistance messaging).");
root.Subcommands.Add(ParticipantsCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(EnvelopeCommand.Create());
root.Subcommands.Add(MeshCommand.Create());
root.Subcommands.Add(ExerciseCommand.Create());
root.Subcommands.Add(SendCommand.Create());
root.Subcommands.Add(ListenCommand.Create());
root.Subcommands.Add(TraceCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
using var telemetry = CliTelemetry.Start(args);
return CommandRunner.Invoke(root, args);
