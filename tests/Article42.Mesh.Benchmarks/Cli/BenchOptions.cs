using Article42.Mesh.Benchmarks.Systems;
using Article42.Mesh.Benchmarks.Systems.Mesh;

namespace Article42.Mesh.Benchmarks.Cli;

/// <summary>The benchmark's command and options, with their defaults (<c>--quick</c> shortens windows and backlogs).</summary>
internal sealed record BenchOptions
{
    public static readonly string[] Commands = ["delivery", "preemption", "backlog", "tracing", "verification", "all", "prefill", "journal"];

    public required string Command { get; init; }
    public bool Quick { get; init; }
    public string? JsonPath { get; init; }
    public int Gateways { get; init; } = 28;
    public int Concurrency { get; init; } = 64;
    public double Rate { get; init; } = 50;
    public double Seconds { get; init; } = 10;
    public double Warmup { get; init; } = 3;
    public int PayloadBytes { get; init; } = 1024;
    public IReadOnlyList<string>? Profiles { get; init; }
    public IReadOnlyList<string> Signatures { get; init; } = ["Always", "SessionOnly"];
    public IReadOnlyList<int> Levels { get; init; } = [0, 10_000, 100_000];
    public int SaturatingConcurrency { get; init; } = 256;
    public double FlashRate { get; init; } = 20;

    public TimeSpan Window => TimeSpan.FromSeconds(Seconds);
    public TimeSpan WarmupTime => TimeSpan.FromSeconds(Warmup);

    /// <summary>Profiles for <paramref name="command"/>: given ones, else both for delivery and embedded for the rest.</summary>
    public IReadOnlyList<string> ProfilesFor(string command) =>
        Profiles ?? (command == "delivery" ? [MeshSetup.Embedded, MeshSetup.Cluster] : [MeshSetup.Embedded]);

    public const string Usage = """
        Usage: Article42.Mesh.Benchmarks COMMAND [options]
          delivery     mesh (embedded and cluster, signatures Always and SessionOnly) and its raw-Orleans twin:
                       closed loop point-to-point and broadcast, open loop point-to-point
          preemption   FLASH latency while ROUTINE traffic saturates the mesh
          backlog      cost per message with 0, 10k and 100k messages of history and of backlog
          tracing      the same closed loop with tracing off (ratio 0), the default sampler, and 100%
          verification the same closed loop with the gateways verifying what they receive, and not
          all          every command above
          prefill      backlog's cost per message with the journal filled first at its own speed, and memory per
                       participant activation at each backlog level (not in all)
          journal      the cluster profile's PostgreSQL work per delivered copy: transactions, rows, WAL bytes,
                       fsyncs and their time, as the server counted them (not in all)
        Options:
          --quick                  short windows and small backlogs (each command under 60 s)
          --json FILE              write every figure to FILE
          --gateways N             gateways, each its own client connection (default 28)
          --concurrency N          closed loop: copies in flight (default 64; a broadcast counts N-1)
          --rate N                 open loop: messages offered per second (default 50)
          --seconds S              measurement window (default 10; quick 1)
          --warmup S               warm-up before each window (default 3; quick 0.5)
          --payload-bytes N        SITREP situation text length (default 1024)
          --profiles LIST          embedded,cluster (default: both for delivery, embedded otherwise)
          --signatures LIST        Always,SessionOnly (default both; delivery only)
          --levels LIST            backlog/history levels (default 0,10000,100000; quick 0,1000,2000)
          --saturating N           preemption: the most ROUTINE messages in flight tried (N/16, N/4, N; default 256)
          --flash-rate N           preemption: FLASH messages offered per second (default 20)
        """;

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
            throw new BenchUsageException(BenchUsageException.Usage, "COMMAND", $"name one of {string.Join(", ", Commands)}");
        if (!Commands.Contains(args[0]))
            throw new BenchUsageException(BenchUsageException.Usage, "COMMAND", $"unknown command '{args[0]}'; use one of {string.Join(", ", Commands)}");
        var quick = args.Contains("--quick");
        var options = quick
            ? new BenchOptions { Command = args[0], Quick = true, Seconds = 1, Warmup = 0.5, Levels = [0, 1_000, 2_000] }
            : new BenchOptions { Command = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--quick")
                continue;
            if (i + 1 >= args.Length)
                throw new BenchUsageException(BenchUsageException.Usage, name, OptionNames.Contains(name) ? "needs a value" : $"unknown option '{name}'");
            var value = args[++i];
            options = name switch
            {
                "--json" => options with { JsonPath = value },
                "--gateways" => options with { Gateways = OptionValues.Whole(name, value, 2, Participants.Max) },
                "--concurrency" => options with { Concurrency = OptionValues.Whole(name, value, 1, 100_000) },
                "--rate" => options with { Rate = OptionValues.Number(name, value, 1, 1_000_000) },
                "--seconds" => options with { Seconds = OptionValues.Number(name, value, 0.2, 86_400) },
                "--warmup" => options with { Warmup = OptionValues.Number(name, value, 0, 3_600) },
                "--payload-bytes" => options with { PayloadBytes = OptionValues.Whole(name, value, 1, Limits.LongText) },
                "--profiles" => options with { Profiles = OptionValues.OneOf(name, value, [MeshSetup.Embedded, MeshSetup.Cluster]) },
                "--signatures" => options with { Signatures = OptionValues.OneOf(name, value, ["Always", "SessionOnly"]) },
                "--levels" => options with { Levels = OptionValues.Levels(name, value) },
                "--saturating" => options with { SaturatingConcurrency = OptionValues.Whole(name, value, 1, 100_000) },
                "--flash-rate" => options with { FlashRate = OptionValues.Number(name, value, 0.1, 100_000) },
                _ => throw new BenchUsageException(BenchUsageException.Usage, name, $"unknown option '{name}'"),
            };
        }
        return options;
    }

    private static readonly string[] OptionNames =
        ["--json", "--gateways", "--concurrency", "--rate", "--seconds", "--warmup", "--payload-bytes", "--profiles", "--signatures", "--levels", "--saturating", "--flash-rate"];
}
