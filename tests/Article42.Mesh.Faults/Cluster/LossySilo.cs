using System.Globalization;
using Article42.Mesh.Hosting;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// <c>lossy-silo [silo flags] --Faults:LoseOneAcknowledgedIn=N</c>: the shipped silo with a <see cref="LossyJournal"/>,
/// hosted by this test executable (the shipped silo refuses the setting, A42-CFG-018).
/// </summary>
public static class LossySilo
{
    public const string Command = "lossy-silo";

    public static SiloProgram Losing(int oneIn) =>
        new("Article42.Mesh.Faults.dll", [Command, $"--{LossyJournal.Setting}={oneIn.ToString(CultureInfo.InvariantCulture)}"]);

    public static Task<int> RunAsync(string[] siloArgs) =>
        MeshSilo.RunWithJournalDecoratorAsync(siloArgs, (configuration, journal) =>
            new LossyJournal(journal, int.Parse(configuration[LossyJournal.Setting] ?? throw new ArgumentException($"{LossyJournal.Setting} is not set"), CultureInfo.InvariantCulture)));
}
