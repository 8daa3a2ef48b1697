using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 keys publish</c>: the trust store's registry.json published to the mesh as it is, e.g. after a change made while the mesh was out of reach (issue #21).</summary>
public static class KeysPublishCommand
{
    public static Command Create()
    {
        var keys = CommonOptions.Keys();
        var connection = new OperatorConnection("KEYS/operator.pem");
        var command = new Command("publish", "Publish the trust store's registry.json, signed with the operator key, to the mesh as it is: for a change made while the mesh was not reachable.") { keys };
        foreach (var option in connection.All)
            command.Options.Add(option);
        command.WithExamples("a42 keys publish", "a42 keys publish --context prod");
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var store = TrustStoreLocator.Store(parse.GetValue(keys));
            // The file as it is, signature included: the mesh checks it as every silo does (A42-REG-001..004).
            var document = await File.ReadAllBytesAsync(store.RegistryPath, cancellation);
            var keyPath = parse.GetValue(connection.OperatorKey) ?? store.PrivateKeyPath(TrustStore.OperatorKeyName);
            await connection.RunAsync(parse, (mesh, token) => mesh.PublishRegistryAsync(document, token), cancellation, keyPath);
            Console.WriteLine($"registry version {store.Registry.Version} of {store.RegistryPath}: published, every silo applies it within its Registry:PollInterval");
            return ExitCodes.Success;
        }));
        return command;
    }
}
