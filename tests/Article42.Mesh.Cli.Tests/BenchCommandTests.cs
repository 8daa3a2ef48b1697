using System.Text.Json;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Tests;

/// <summary><c>a42 bench</c> against a real mesh: its figures, its JSON, and what it refuses.</summary>
public sealed class BenchCommandTests(BenchMeshFixture mesh) : IClassFixture<BenchMeshFixture>
{
    private static readonly string[] Short = ["--duration", "3", "--warmup", "1"];

    [Fact]
    public async Task Keys_init_bench_registers_bench_participants_in_an_existing_store_and_keeps_its_keys()
    {
        Assert.Contains("Registered 4 new bench participants (BENCH-01 to BENCH-04)", mesh.AddedBench.Stdout, StringComparison.Ordinal);
        var registry = ParticipantRegistry.Load(Path.Combine(mesh.Keys, TrustStore.RegistryFileName));
        Assert.Equal(["BENCH-01", "BENCH-02", "BENCH-03", "BENCH-04"], registry.Participants.Where(p => p.Kind == ParticipantKind.Bench).Select(p => p.Id));
        Assert.All(registry.Participants, p => Assert.NotNull(p.PublicKey));
        Assert.True(File.Exists(Path.Combine(mesh.Keys, "BENCH-04.pem")));
        Assert.Equal(mesh.FrenchKeyBefore, await File.ReadAllTextAsync(Path.Combine(mesh.Keys, "FR.pem"), TestContext.Current.CancellationToken));
        // Every file the store held is kept byte for byte (keys, operator key, TLS), but the registry that now lists the
        // bench participants; what is new is their four keys.
        var (before, after) = mesh.KeysFiles;
        Assert.All(before.Where(f => f.Key != TrustStore.RegistryFileName), f => Assert.True(after.TryGetValue(f.Key, out var now) && now.SequenceEqual(f.Value), $"{f.Key} changed or went"));
        Assert.Equal(["BENCH-01.pem", "BENCH-02.pem", "BENCH-03.pem", "BENCH-04.pem"], after.Keys.Except(before.Keys).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("BENCH-01", registry.Expand([ParticipantGroups.All], "FR"));
    }

    [Fact]
    public async Task A_registry_that_gives_the_bench_prefix_to_another_kind_is_refused_so_no_real_participant_passes_for_a_bench_one()
    {
        var directory = Path.Combine(mesh.Home, "reserved");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "registry.json");
        await File.WriteAllTextAsync(file, """{"participants":[{"id":"BENCH-07","name":"Not a bench","kind":"member_state","nato":false,"accreditation_max":"SECRET_UE"}]}""", TestContext.Current.CancellationToken);

        var result = await A42Process.RunAsync(mesh.Home, "keys", "init", "--dir", Path.Combine(directory, "keys"), "--registry", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error A42-KEYS-003 {file}: $.participants[0]: ids starting 'BENCH-' are reserved for participants of kind bench", result.Stderr, StringComparison.Ordinal);
        // Nothing written: the folder holds the registry file the test wrote and nothing else (no key, no keys folder).
        Assert.Equal(["registry.json"], Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_short_bench_prints_throughput_and_latency_percentiles_for_each_precedence_of_the_mix()
    {
        var result = await mesh.BenchAsync([.. Short, "--senders", "2", "--receivers", "2", "--mix", "ROUTINE=3,PRIORITY=1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Contains(lines, line => line.StartsWith("bench BENCH-01,BENCH-02 -> BENCH-03,BENCH-04 at ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  measuring ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("sent ", StringComparison.Ordinal) && line.Contains("msg/s, delivered ", StringComparison.Ordinal));
        var header = Assert.Single(lines, line => line.StartsWith("PRECEDENCE", StringComparison.Ordinal));
        Assert.Equal(["PRECEDENCE", "COUNT", "MSG/S", "P50 MS", "P90 MS", "P99 MS", "MAX MS"], header.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var precedence in new[] { "ROUTINE", "PRIORITY" })
        {
            var row = Assert.Single(lines, line => line.StartsWith(precedence + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(long.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture) > 0, result.ToString());
        }
        Assert.DoesNotContain(lines, line => line.StartsWith("FLASH", StringComparison.Ordinal));
        Assert.DoesNotContain('│', result.Stdout);
    }

    [Fact]
    public async Task Bench_json_is_one_document_with_the_documented_fields_and_ordered_percentiles()
    {
        // A longer window than the others: the closed loop starts nothing new while its messages are on their way, and on a
        // machine shared with other builds a whole short window could pass waiting for the warm-up's.
        var result = await mesh.BenchAsync("--duration", "5", "--warmup", "2", "--size", "2048", "--in-flight", "4", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal([mesh.Gateway], root.GetProperty("gateways").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["BENCH-01"], root.GetProperty("senders").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["BENCH-02"], root.GetProperty("receivers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2048, root.GetProperty("size_bytes").GetInt32());
        Assert.True(root.GetProperty("envelope_bytes").GetInt32() > 2048);
        Assert.Equal(4, root.GetProperty("in_flight").GetInt32());
        Assert.Equal("ROUTINE=90,PRIORITY=9,IMMEDIATE=1", root.GetProperty("mix").GetString());
        Assert.Equal(5, root.GetProperty("duration_s").GetDouble());
        Assert.Equal(2, root.GetProperty("warmup_s").GetDouble());
        Assert.True(root.GetProperty("seconds").GetDouble() >= 5, result.ToString());
        Assert.True(root.GetProperty("sent_per_s").GetDouble() > 0, result.ToString());
        Assert.True(root.GetProperty("delivered_per_s").GetDouble() > 0, result.ToString());
        Assert.True(0 == root.GetProperty("failed_sends").GetInt64(), result.ToString());
        Assert.True(0 == root.GetProperty("undelivered").GetInt64(), result.ToString());
        Assert.Empty(root.GetProperty("failures").EnumerateArray());
        var routine = Assert.Single(root.GetProperty("precedences").EnumerateArray(), p => p.GetProperty("precedence").GetString() == "ROUTINE");
        Assert.True(routine.GetProperty("count").GetInt64() > 0);
        Assert.True(routine.GetProperty("per_s").GetDouble() > 0);
        var percentiles = new[] { "p50_ms", "p90_ms", "p99_ms", "max_ms" }.Select(name => routine.GetProperty(name).GetDouble()).ToList();
        Assert.True(percentiles[0] > 0, result.Stdout);
        Assert.Equal(percentiles.Order(), percentiles);
    }

    [Theory]
    [InlineData("FR,DE", "'FR' is not a bench participant")]
    [InlineData("BENCH-01,EXCON", "'EXCON' is not a bench participant")]
    [InlineData("BENCH-01,NOBODY", "'NOBODY' is not a bench participant")]
    public async Task A_participant_that_is_not_a_bench_participant_is_refused_before_anything_is_sent(string participants, string sentence)
    {
        var result = await mesh.BenchAsync("--participants", participants);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error A42-BENCH-004 --participants: {sentence}: a42 bench speaks only for participants of kind bench", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task More_senders_and_receivers_than_the_trust_store_has_bench_participants_is_refused()
    {
        var result = await mesh.BenchAsync("--senders", "3", "--receivers", "2");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("A42-BENCH-005", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 senders and 2 receivers need 5 bench participants, and the trust store holds 4; add them with 'a42 keys init --bench 5'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mix", "ROUTNE=90,FLASH=1", "--mix: 'ROUTNE' is not a precedence of a bench run (did you mean ROUTINE?): expects PRECEDENCE=WEIGHT[,...]")]
    [InlineData("--mix", "ROUTINE:90", "--mix: 'ROUTINE:90' is not PRECEDENCE=WEIGHT: expects PRECEDENCE=WEIGHT[,...]")]
    [InlineData("--mix", "ROUTINE=0", "--mix: 'ROUTINE=0' is not PRECEDENCE=WEIGHT: expects PRECEDENCE=WEIGHT[,...], e.g. ROUTINE=90,PRIORITY=9,FLASH=1, with whole-number weights from 1 to 1000")]
    [InlineData("--mix", "DEFERRED=1", "--mix: 'DEFERRED' is not a precedence of a bench run")]
    [InlineData("--mix", "FLASH=1,flash=2", "--mix: FLASH is given twice")]
    [InlineData("--size", "262144", "--size: expects a whole number of bytes from 1 to 16384, the longest text a SITREP's situation may hold (its signed envelope then stays within the mesh's 262144-byte limit), got 262144")]
    [InlineData("--size", "16385", "--size: expects a whole number of bytes from 1 to 16384")]
    [InlineData("--size", "0", "--size: expects a whole number of bytes of at least 1, got '0'")]
    [InlineData("--duration", "0", "--duration: expects a whole number of seconds of at least 1, got '0'")]
    [InlineData("--in-flight", "many", "--in-flight: expects a whole number of messages of at least 1, got 'many'")]
    public async Task A_bad_value_is_refused_with_a_sentence_naming_the_expected_form(string option, string value, string expected)
    {
        var result = await mesh.BenchAsync(option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"error A42-CLI-002 {expected}", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
