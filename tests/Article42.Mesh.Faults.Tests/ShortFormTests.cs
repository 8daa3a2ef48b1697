using Article42.Mesh.Faults.Runs;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// The fault suite's short form (issue 20): three cluster-profile silo processes on PostgreSQL and Redis, started once,
/// each fault class back to back under the load of three gateway client processes, every scenario checked strictly.
/// </summary>
public sealed class ShortFormTests : IDisposable
{
    private readonly FailureArtefacts _artefacts = new("a42-faults-short-");

    /// <summary>Set to replay a run: the seed that chose the victims (printed by every run).</summary>
    private const string SeedVariable = "A42_FAULTS_SEED";

    [Fact]
    public async Task Every_fault_class_of_the_short_form_loses_duplicates_reorders_and_strands_nothing()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        // The artefacts (histories, timeline, figures) stay after a red run only.
        var artefacts = _artefacts.Path;
        using var output = new TestOutputWriter();
        output.WriteLine($"{SeedVariable}={seed}; artefacts in {artefacts}");

        var results = await new FaultRun(artefacts, seed, output).RunAsync(ShortForm.Scenarios);

        foreach (var result in results)
            output.WriteLine(result.Figures());
        Assert.Equal(ShortForm.Scenarios.Count, results.Count);
        var failed = results.Where(r => !r.Passed).ToList();
        Assert.True(failed.Count == 0, $"{SeedVariable}={seed}, artefacts in {artefacts}\n" + string.Join('\n', failed.Select(r =>
            r.Figures() + "\n  " + string.Join("\n  ", r.Report.Violations.Take(20)))));
    }

    public void Dispose() => _artefacts.Dispose();
}
