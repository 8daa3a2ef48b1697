using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.Nemeses;
using Article42.Mesh.Faults.Runs;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// The suite can go red (issue 20, step 6): a silo whose journal loses one accepted inbox row in five, under the suite's
/// load with no other fault, makes the checker report lost messages; and the shipped silo refuses that setting.
/// </summary>
public sealed class LossyJournalTests : IDisposable
{
    private readonly FailureArtefacts _artefacts = new("a42-faults-lossy-");

    /// <summary>No fault of its own: the journal is the nemesis.</summary>
    private static readonly Nemesis JournalLoses = new("journal-loses", "nothing: the journal loses one inbox row in five", context => Task.FromResult(context.Note("no fault")));

    [Fact]
    public async Task A_journal_that_loses_one_accepted_message_in_five_makes_the_checker_report_lost_messages()
    {
        var artefacts = _artefacts.Path;
        using var output = new TestOutputWriter();
        // One silo is enough to lose and keeps the test cheap.
        var run = new FaultRun(artefacts, seed: 20, output) { StartCluster = directory => FaultCluster.StartAsync(directory, silos: 1, LossySilo.Losing(oneIn: 5)) };

        var result = Assert.Single(await run.RunAsync([JournalLoses]));

        output.WriteLine(result.Figures());
        Assert.True(result.Report.Count(ViolationKind.Lost) > 0, $"artefacts in {artefacts}: {result.Figures()}");
    }

    [Theory]
    [InlineData("--Faults:LoseOneAcknowledgedIn=5")]
    [InlineData("env:A42__Faults__LoseOneAcknowledgedIn=5")]
    public async Task A_silo_refuses_the_lossy_journal_setting_at_start(string setting)
    {
        using var home = new TempDirectory();
        var environment = new Dictionary<string, string> { ["A42_HOME"] = home.Path };
        string[] args = [];
        if (setting.StartsWith("env:", StringComparison.Ordinal))
            environment[setting[4..setting.IndexOf('=', StringComparison.Ordinal)]] = setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..];
        else
            args = [setting];
        await using var silo = TestProcess.StartDll($"silo with {setting}", "Article42.Mesh.Silo.dll", args, environment);

        var exit = await silo.ExitedAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == 2, $"exit {exit}\n{silo.Describe()}");
        Assert.StartsWith("error A42-CFG-018 Faults:LoseOneAcknowledgedIn: ", Assert.Single(silo.Errors));
        Assert.DoesNotContain("ready", silo.Output);
    }

    public void Dispose() => _artefacts.Dispose();
}
