using Article42.Mesh.Cli.Keys;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 keys revoke ID [--key KEYID]</c>: a participant's key, or every key it holds, revoked (issue #21).</summary>
public static class KeysRevokeCommand
{
    public static Command Create()
    {
        var participant = new Argument<string>("participant") { Description = "Whose key is revoked.", HelpName = "PARTICIPANT" };
        var key = new Option<string?>("--key") { Description = "The id of the key to revoke, k-... (default: every key the participant holds that is not revoked yet).", HelpName = "KEYID" };
        var flow = new RegistryUpdateFlow();
        var command = new Command("revoke", "Revoke a participant's key (or all of its keys) in the next registry version, signed with operator.pem and published to the mesh when it is reachable: every silo then refuses sessions and submissions under it (A42-SEC-005).")
        {
            participant, key,
        };
        foreach (var option in flow.All)
            command.Options.Add(option);
        command.WithExamples(
            "a42 keys revoke FR",
            "a42 keys revoke FR --key k-0123456789abcdef");
        command.SetAction((parse, cancellation) =>
            flow.RunAsync(parse, (registry, _) => RegistryChanges.Revoke(registry, parse.GetValue(participant)!, parse.GetValue(key)), cancellation));
        return command;
    }
}
