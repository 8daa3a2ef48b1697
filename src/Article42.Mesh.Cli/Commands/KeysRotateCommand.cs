using Article42.Mesh.Cli.Keys;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 keys rotate --participant ID</c>: a new key pair for a participant, its current key kept verify-only (issue #21).</summary>
public static class KeysRotateCommand
{
    public static Command Create()
    {
        var participant = new Option<string>("--participant") { Description = "Whose key is replaced.", HelpName = "PARTICIPANT", Required = true };
        var flow = new RegistryUpdateFlow();
        var command = new Command("rotate", "Give a participant a new key pair: the private key in the trust store as <ID>.pem (mode 600, the old one kept as <ID>.<KEY ID>.pem), the old public key verify-only in the next registry version, signed with operator.pem and published to the mesh when it is reachable.")
        {
            participant,
        };
        foreach (var option in flow.All)
            command.Options.Add(option);
        command.WithExamples(
            "a42 keys rotate --participant FR",
            "a42 keys rotate --participant FR --json --context prod");
        command.SetAction((parse, cancellation) =>
            flow.RunAsync(parse, (registry, store) => RegistryChanges.Rotate(registry, store, parse.GetValue(participant)!), cancellation));
        return command;
    }
}
