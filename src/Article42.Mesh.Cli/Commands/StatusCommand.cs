using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 status [--json]</c>: silos with their registry versions, gateways and their last heartbeat, backlog per participant, open activations.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var connection = new OperatorConnection();
        var command = new Command("status", "Show the mesh: silos and the registry version each applies (a mismatch flagged), connected gateways and last heartbeat, backlog per participant, open activations.") { json };
        command.WithExamples(
            "a42 status",
            $"a42 status --json --gateway 10.0.0.5:{MeshDefaults.GatewayPort}");
        foreach (var option in connection.All)
            command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var status = await connection.RunAsync(parse, (mesh, token) => mesh.StatusAsync(token), cancellation);
            Console.WriteLine(parse.GetValue(json) ? OperatorOutput.StatusJson(status) : OperatorOutput.StatusText(status));
            return ExitCodes.Success;
        }));
        return command;
    }
}
