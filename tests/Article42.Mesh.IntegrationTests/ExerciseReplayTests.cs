using System.Text.Json;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// <c>a42 exercise replay</c> through the built <c>a42.dll</c>: a recorded run's arrival log replayed with its seed,
/// without a mesh, writes the same figures byte for byte; a log that is missing, not a log, or of another exercise is
/// refused with its code and nothing is written.
/// </summary>
public sealed class ExerciseReplayTests
{
    [Fact]
    public async Task A_recorded_run_replays_without_a_mesh_to_byte_identical_figures()
    {
        using var home = new TempHome();
        var recorded = Path.Combine(home.Path, "recorded");
        await using (var run = SiloProcess.Start("a42 exercise run", "a42.dll", home.Path,
            ["exercise", "run", "hybrid-island", "--speed", "3000", "--seed", "11", "--out", recorded]))
            Assert.True(0 == await run.ExitedAsync(TimeSpan.FromSeconds(120)), run.Describe());

        var replayed = Path.Combine(home.Path, "replayed");
        await using var replay = SiloProcess.Start("a42 exercise replay", "a42.dll", home.Path, ["exercise", "replay", recorded, "--out", replayed]);
        Assert.True(0 == await replay.ExitedAsync(TimeSpan.FromSeconds(60)), replay.Describe());
        Assert.Contains(replay.Output, line => line.StartsWith("replayed ", StringComparison.Ordinal) && line.Contains("without a mesh", StringComparison.Ordinal));

        var original = await FiguresAsync(recorded);
        Assert.Contains("\"gaps\"", original, StringComparison.Ordinal);
        Assert.Equal(original, await FiguresAsync(replayed));
    }

    [Fact]
    public async Task A_missing_broken_or_foreign_arrival_log_is_refused_with_its_code_and_nothing_is_written()
    {
        using var home = new TempHome();
        var empty = Directory.CreateDirectory(Path.Combine(home.Path, "empty")).FullName;
        await RefusedAsync(home, ["exercise", "replay", empty], "A42-CLI-001");

        var garbage = Directory.CreateDirectory(Path.Combine(home.Path, "garbage")).FullName;
        await File.WriteAllTextAsync(Path.Combine(garbage, "arrivals.json"), "{\"exercise_id\": [1, 2", TestContext.Current.CancellationToken);
        await RefusedAsync(home, ["exercise", "replay", garbage, "--scenario", "hybrid-island"], "A42-SCN-010");

        var zero = Directory.CreateDirectory(Path.Combine(home.Path, "zero")).FullName;
        await File.WriteAllTextAsync(Path.Combine(zero, "arrivals.json"),
            "{\"exercise_id\":\"EX-BLUE-HORIZON-26\",\"seed\":1,\"compression\":0,\"startex_utc\":\"2026-01-01T00:00:00Z\",\"facts\":[]}", TestContext.Current.CancellationToken);
        await RefusedAsync(home, ["exercise", "replay", zero, "--scenario", "hybrid-island"], "A42-SCN-010");

        var foreign = Directory.CreateDirectory(Path.Combine(home.Path, "foreign")).FullName;
        await File.WriteAllTextAsync(Path.Combine(foreign, "arrivals.json"),
            "{\"exercise_id\":\"EX-OTHER\",\"seed\":1,\"compression\":180,\"startex_utc\":\"2026-01-01T00:00:00Z\",\"facts\":[]}", TestContext.Current.CancellationToken);
        await RefusedAsync(home, ["exercise", "replay", foreign, "--scenario", "hybrid-island"], "A42-SCN-010");

        await RefusedAsync(home, ["exercise", "replay"], "A42-CLI-004");
        foreach (var directory in new[] { empty, garbage, zero, foreign })
            Assert.False(Directory.Exists(Path.Combine(directory, "replay")), $"a refused replay wrote {directory}/replay");
    }

    private static async Task RefusedAsync(TempHome home, string[] args, string code)
    {
        await using var replay = SiloProcess.Start("a42 exercise replay (refused)", "a42.dll", home.Path, args);
        Assert.True(2 == await replay.ExitedAsync(TimeSpan.FromSeconds(60)), replay.Describe());
        Assert.Contains(replay.Errors, line => line.Contains(code, StringComparison.Ordinal));
    }

    /// <summary>The <c>figures</c> of a report directory's report.json, as its text.</summary>
    private static async Task<string> FiguresAsync(string directory)
    {
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "report.json"), TestContext.Current.CancellationToken));
        return report.RootElement.GetProperty("figures").GetRawText();
    }
}
