using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Article42.Mesh.Exercises;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// <c>a42 exercise validate</c> on real files: every problem of a scenario in one pass, at its line and column, with
/// its code and "did you mean"; the shipped scenarios valid; hostile files refused promptly with one line; and
/// <c>exercise run</c> refusing a bad scenario before it starts anything.
/// </summary>
public sealed class ExerciseValidateTests(TrustStoreFixture store) : IClassFixture<TrustStoreFixture>
{
    // Far more than a42 needs for a file it reads at most 1 MiB of; an alias or nesting bomb that got through would not make it.
    private static readonly TimeSpan Promptly = TestKit.Deadline.Scaled(TimeSpan.FromSeconds(20));

    private const string Broken = """
        exercise: EX-BROKEN
        name: Broken exercise
        compression: 60
        start: 2026-11-26T06:00:00Z
        endex: T+02:00
        threat: armed_atack
        activations:
          - { id: A42-2026-0101, invoker: LT }
        participants:
          players: [LT, DE, PL, GR]
          default: { reaction: { FLASH: "00:05" }, decison: "00:20" }
        msel:
          - id: M01
            at: T+00:00
            from: EXCON
            to: LT
            content: Drones crossed the border.
          - id: M02
            at: T+00:10
            from: LT
            to: [ALL-MS, DEE]
            kind: INVOCATOIN
            payload:
              legal_basis: TEU_42_7
          - id: M03
            at: T+00:30
            from: LT
            to: DE
            kind: SITREP
            precedance: FLASH
            payload: { summary: x }

        """;

    /// <summary>What a42 says about each problem of <see cref="Broken"/>: the text it is at, code, sentence, suggestions.</summary>
    private static readonly (string At, string Code, string Sentence, string[] Suggestions)[] BrokenProblems =
    [
        ("armed_atack", "A42-SCN-005", "threat 'armed_atack' is not one of armed_attack, terrorist, cyber, hybrid, cbrn, drone_missile, maritime, other", ["armed_attack"]),
        ("GR]", "A42-SCN-006", "unknown participant 'GR' in participants.players: GR is the ISO code of Greece, whose participant id is EL", ["EL"]),
        ("decison", "A42-SCN-002", "unknown field 'decison' in participants.default (expected one of reaction, jitter, spread, silence, ignore, online, solidarity, neutrality_caveat, decision, approval, overcommit, capabilities, note, duty, outages, staff, degraded, reminds, reminded)", ["decision"]),
        ("DEE", "A42-SCN-006", "unknown participant 'DEE' in msel[1].to", ["DE", "EE"]),
        ("INVOCATOIN", "A42-SCN-005", null!, ["INVOCATION"]),
        ("precedance", "A42-SCN-002", "unknown field 'precedance' in msel[2] (expected one of id, at, from, to, info, kind, precedence, label, activation, reply_to, title, payload, content, content_kind, as, note, expect, resume_after)", ["precedence"]),
        ("summary", "A42-JSON-002", "unknown field 'summary' in msel[2].payload.summary", []),
    ];

    [Fact]
    public async Task Every_problem_of_a_scenario_is_reported_in_one_pass_at_its_line_and_column_with_its_code_and_hint()
    {
        var file = Write("broken.yaml", Broken);
        var result = await store.RunAsync("exercise", "validate", file);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(BrokenProblems.Length, lines.Length);
        foreach (var (line, (at, code, sentence, suggestions)) in lines.Zip(BrokenProblems))
        {
            var (row, column) = Position(Broken, at);
            var hint = suggestions.Length == 0 ? "" : $" (did you mean {string.Join(" or ", suggestions)}?)";
            if (sentence is null)
                Assert.Matches($"^error {code} {Escaped(file)}:{row}:{column}: msel\\[1\\]\\.kind 'INVOCATOIN' is not one of INVOCATION, .*{Escaped(hint)}$", line);
            else
                Assert.Equal($"error {code} {file}:{row}:{column}: {sentence}{hint}", line);
        }
    }

    [Fact]
    public async Task Json_gives_the_same_problems_as_a_document_on_stdout()
    {
        var file = Write("broken-json.yaml", Broken);
        var result = await store.RunAsync("exercise", "validate", file, "--json");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stderr);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(file, root.GetProperty("file").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(BrokenProblems.Length, problems.Count);
        foreach (var (problem, (at, code, _, suggestions)) in problems.Zip(BrokenProblems))
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.Equal(Position(Broken, at), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
            Assert.Equal(suggestions, problem.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!));
            Assert.DoesNotContain("did you mean", problem.GetProperty("message").GetString()!, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> Shipped => [.. ShippedScenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task Each_shipped_scenario_file_is_valid(string name)
    {
        var file = Repository.File($"src/Article42.Mesh.Exercises/Scenarios/Shipped/{name}.yaml");
        var result = await store.RunAsync("exercise", "validate", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("valid: EX-", result.Stdout, StringComparison.Ordinal);
        var json = await store.RunAsync("exercise", "validate", name, "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Empty(root.GetProperty("problems").EnumerateArray());
    }

    public static TheoryData<string> HostileFiles => ["larger than 1 MiB", "an endless device", "nested 100,000 deep", "an alias bomb", "random bytes", "a NUL byte", "not YAML"];

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_is_refused_promptly_with_one_line_saying_why(string what)
    {
        var (file, line, column, sentence) = Hostile(what);
        var clock = Stopwatch.StartNew();
        var result = await store.RunAsync("exercise", "validate", file);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.True(clock.Elapsed < Promptly, $"{what}: took {clock.Elapsed}");
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"error A42-SCN-001 {file}:{line}:{column}: {sentence}", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Exercise_run_refuses_a_bad_scenario_before_it_starts_a_silo_or_writes_anything()
    {
        var file = Write("broken-run.yaml", Broken);
        var output = Path.Combine(store.Home, "aar-broken");
        // A temporary directory that cannot be made: the embedded silo would fail on it (exit 1) if it were started.
        var notADirectory = Write("tmp-is-a-file", "");
        var variables = new Dictionary<string, string> { ["TMPDIR"] = notADirectory };
        var validate = await store.RunAsync("exercise", "validate", file);
        var result = await A42Process.RunWithEnvironmentAsync(store.Home, variables, "exercise", "run", file, "--out", output);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal(validate.Stderr, result.Stderr);
        Assert.False(Directory.Exists(output), "a report directory was written");
    }

    [Fact]
    public async Task Exercise_run_against_a_gateway_refuses_a_bad_scenario_before_it_connects()
    {
        var file = Write("broken-remote.yaml", Broken);
        var result = await store.RunAsync("exercise", "run", file, "--gateway", NotAMesh.NothingListening());
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error A42-SCN-005 ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("A42-CLI-006", result.Stderr, StringComparison.Ordinal);
    }

    private (string File, int Line, int Column, string Sentence) Hostile(string what)
    {
        switch (what)
        {
            case "larger than 1 MiB":
                return (Write("huge.yaml", "exercise: EX-HUGE\n# " + new string('x', 2 * 1024 * 1024) + "\n"), 1, 1, "the file is larger than 1024 KiB");
            case "an endless device":
                return ("/dev/zero", 1, 1, "the file is larger than 1024 KiB");
            case "nested 100,000 deep":
                // The root mapping is the first level; the 32nd '[' opens the 33rd, at column 6 + 32.
                return (Write("deep.yaml", "msel: " + new string('[', 100_000) + new string(']', 100_000) + "\n"), 1, 38, "nested deeper than 32 mappings and lists");
            case "an alias bomb":
                var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
                for (var i = 1; i < 10; i++)
                    bomb.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
                return (Write("bomb.yaml", bomb.ToString()), 2, 10, "an alias (*a0)");
            case "random bytes":
                var bytes = new byte[100_000];
                new Random(7).NextBytes(bytes);
                bytes[0] = 0xFF;
                var path = Path.Combine(store.Home, "random.yaml");
                File.WriteAllBytes(path, bytes);
                return (path, 1, 1, "not UTF-8 text");
            case "a NUL byte":
                return (Write("nul.yaml", "exercise: EX-NUL\nname: a\0b\n"), 2, 8, "a control character (U+0000) where text should be");
            default:
                return (Write("not-yaml.yaml", "{\"exercise\": \"EX-1\", \"name\": [1, 2,,, }\n"), 1, 36, "not valid YAML");
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(store.Home, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The 1-based line and column where <paramref name="marker"/> first stands in <paramref name="text"/>.</summary>
    private static (int Line, int Column) Position(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' is not in the scenario");
        var before = text[..at];
        return (before.Count(c => c == '\n') + 1, at - before.LastIndexOf('\n'));
    }

    private static string Escaped(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
