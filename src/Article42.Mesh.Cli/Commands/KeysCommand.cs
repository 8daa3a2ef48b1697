using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 keys init [--dir DIR] [--force] [--registry FILE]</c>: a development trust store.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage key material.");
        keys.Subcommands.Add(Init());
        return keys;
    }

    private static Command Init()
    {
        var dir = new Option<string?>("--dir") { Description = "Where to create the store (default: $A42_HOME/keys)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing store: every key in it is regenerated." };
        var registry = new Option<string?>("--registry")
        {
            Description = "Registry file whose participants get keys (default: the shipped registry).",
        };
        var init = new Command("init", "Create a development trust store: registry.json with public keys, <ID>.pem per participant (mode 600), operator.pem.")
        {
            dir, force, registry,
        };
        init.SetAction(parse => CommandRunner.Run(() =>
        {
            var directory = parse.GetValue(dir) ?? A42Home.KeysDirectory;
            if (TrustStore.Exists(directory) && !parse.GetValue(force))
                throw new CliException(CliErrorCodes.TrustStoreExists, directory, "a trust store exists here already; use --force to replace every key in it");
            var template = parse.GetValue(registry) is { } file ? ParticipantRegistry.Load(file) : ParticipantRegistry.Default;
            var store = TrustStore.Create(directory, template);
            Console.WriteLine($"Created a development trust store for {store.Registry.Participants.Length} participants in {Path.GetFullPath(directory)}");
            Console.WriteLine($"  registry:      {store.RegistryPath}");
            Console.WriteLine($"  private keys:  {Path.Combine(directory, "<ID>.pem")} (mode 600)");
            Console.WriteLine($"  operator key:  {store.PrivateKeyPath(TrustStore.OperatorKeyName)}");
            return ExitCodes.Success;
        }));
        return init;
    }
}
