using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 trace MSGID [--json]</c>: a message's life from the mesh's journal, as the operator.</summary>
public static class TraceCommand
{
    public static Command Create()
    {
        var messageId = new Argument<string>("msgid") { Description = "The message id (ULID) printed by a42 send or a42 listen.", HelpName = "MSGID" };
        var json = CommonOptions.Json();
        var connection = new OperatorConnection();
        var command = new Command("trace", "Show a message's life: accepted; per recipient delivered, handed out, acknowledged, dead-lettered; its trace id.") { messageId, json };
        command.WithExamples(
            "a42 trace 01J9ZQ4X3T6V8W0Y2A4C6E8G0J",
            $"a42 trace 01J9ZQ4X3T6V8W0Y2A4C6E8G0J --json --gateway 10.0.0.5:{MeshDefaults.GatewayPort}");
        foreach (var option in connection.All)
            command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var trace = await connection.RunAsync(parse, (mesh, token) => mesh.TraceAsync(parse.GetValue(messageId)!, token), cancellation);
            Console.WriteLine(parse.GetValue(json) ? OperatorOutput.TraceJson(trace) : OperatorOutput.TraceText(trace));
            return ExitCodes.Success;
        }));
        return command;
    }
}
