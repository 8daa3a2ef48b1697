using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 keys init [--dir DIR] [--force] [--registry FILE] [--tls] [--bench N]</c>: a development trust store, with
/// <c>--tls</c> a development PKI, with <c>--bench</c> the bench participants of <c>a42 bench</c>; <c>rotate</c>,
/// <c>revoke</c>, <c>ceiling</c> and <c>publish</c>: the operator's registry updates (issue #21).
/// </summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage key material.");
        keys.Subcommands.Add(Init());
        keys.Subcommands.Add(KeysRotateCommand.Create());
        keys.Subcommands.Add(KeysRevokeCommand.Create());
        keys.Subcommands.Add(KeysCeilingCommand.Create());
        keys.Subcommands.Add(KeysPublishCommand.Create());
        keys.Subcommands.Add(KeysRevokeCertCommand.Create());
        return keys.WithExamples("a42 keys init", "a42 keys init --tls", "a42 keys revoke FR", "a42 keys rotate --participant FR");
    }

    private static Command Init()
    {
        var dir = new Option<string?>("--dir") { Description = "Where to create the store (default: $A42_HOME/keys).", HelpName = "DIR" };
        var force = new Option<bool>("--force") { Description = "Replace an existing store: every key in it is regenerated (and the TLS material with --tls)." };
        var registry = new Option<string?>("--registry")
        {
            Description = "Registry file whose participants get keys (default: the shipped registry).",
            HelpName = "FILE",
        };
        var tls = new Option<bool>("--tls")
        {
            Description = "Also make a development PKI in DIR/tls: a CA, the silo certificate (localhost, 127.0.0.1) and a client certificate per participant (CN = id). Added to an existing store without --force.",
        };
        var bench = WholeNumberOption.Optional("--bench", $"Also register N bench participants ({BenchParticipants.Id(1)}, ...) for a42 bench, with keys; added to an existing store without --force.", "N", $"a whole number of bench participants from 1 to {BenchParticipants.Max}", minimum: 1);
        var init = new Command("init", "Create a development trust store: registry.json with public keys, <ID>.pem per participant (mode 600), operator.pem; with --tls, the TLS certificates in tls/.")
        {
            dir, force, registry, tls, bench,
        };
        init.WithExamples(
            "a42 keys init",
            "a42 keys init --dir ./keys --registry registry.json",
            "a42 keys init --tls  # add development TLS certificates to an existing store",
            "a42 keys init --bench 4  # add BENCH-01..BENCH-04 for a42 bench to an existing store");
        init.SetAction(parse => CommandRunner.Run(() =>
        {
            var directory = parse.GetValue(dir) ?? A42Home.KeysDirectory;
            var withTls = parse.GetValue(tls);
            var pki = TlsDirectory.Of(directory);
            var replace = parse.GetValue(force);
            var keep = TrustStore.Exists(directory) && !replace;
            var benchCount = parse.GetValue(bench);
            if (benchCount > BenchParticipants.Max)
                throw new CliException(CliErrorCodes.BadOptionValue, "--bench", $"expects a whole number of bench participants from 1 to {BenchParticipants.Max}, got {benchCount}");
            if (keep && (withTls ? pki.Exists : benchCount is null))
                throw new CliException(CliErrorCodes.TrustStoreExists, directory, $"a trust store{(withTls ? " with TLS material" : "")} exists here already; use --force to replace every key in it");
            if (keep && parse.GetValue(registry) is not null)
                throw new CliException(CliErrorCodes.TrustStoreExists, "--registry", $"a trust store exists in {directory} already; --tls adds certificates for its participants, --force replaces it with the registry's");
            var store = keep ? TrustStore.Open(directory) : CreateStore(directory, parse.GetValue(registry));
            if (benchCount is { } count)
                store = AddBench(store, count);
            if (withTls)
            {
                var issued = pki.Create(store.Registry.Participants.Select(p => p.Id), DateTimeOffset.UtcNow);
                Console.WriteLine($"Created a development PKI in {Path.GetFullPath(pki.Path)}{(keep ? " (the trust store was kept)" : "")}");
                Console.WriteLine($"  certificate authority: {pki.AuthorityCertificate} (key: ca.key, mode 600; valid 5 years)");
                Console.WriteLine($"  silo certificate:      {pki.SiloCertificate} (localhost, 127.0.0.1, ::1; valid 1 year)");
                Console.WriteLine($"  client certificates:   {Path.Combine(pki.Path, "<ID>.crt")} + <ID>.key for {issued} participants and the operator (CN = id)");
            }

            return ExitCodes.Success;
        }));
        return init;
    }

    private static TrustStore AddBench(TrustStore store, int count)
    {
        var (updated, added) = store.Add(BenchParticipants.Create(count));
        Console.WriteLine($"Registered {added} new bench participants ({BenchParticipants.Id(1)} to {BenchParticipants.Id(count)}) in {updated.RegistryPath}; a mesh started before reads them when it restarts");
        return updated;
    }

    private static TrustStore CreateStore(string directory, string? registry)
    {
        var template = registry is { } file ? ParticipantRegistry.Load(file) : ParticipantRegistry.Default;
        var store = TrustStore.Create(directory, template);
        Console.WriteLine($"Created a development trust store for {store.Registry.Participants.Length} participants in {Path.GetFullPath(directory)}");
        Console.WriteLine($"  registry:      {store.RegistryPath}");
        Console.WriteLine($"  private keys:  {Path.Combine(directory, "<ID>.pem")} (mode 600)");
        Console.WriteLine($"  operator key:  {store.PrivateKeyPath(TrustStore.OperatorKeyName)}");
        return store;
    }
}
