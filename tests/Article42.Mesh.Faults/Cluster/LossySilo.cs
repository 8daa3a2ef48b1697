using System.Globalization;
using Article42.Mesh.Hosting;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// <c>lossy-silo [silo flags] --Faults:LoseOneAcknowledgedIn=N</c>: the shipped silo with a <see cref="LossyJournal"/>,
/// hosted by this test executable (the shipped silo refuses the setting, A42-CFG-018). It holds no message body in
/// memory (<c>Delivery:HeldBytesCap</c> 0), so every fetch reads the inbox from the journal, where the lost rows are
/// missing: an inbox that held its bodies (issue 18) would hand them from memory while its activation lives.
/// </summary>
public static class LossySilo
{
    public const string Command = "lossy-silo";

    public static SiloProgram Losing(int oneIn) =>
        new("Article42.Mesh.Faults.dll", [Command, $"--{LossyJournal.Setting}={oneIn.ToString(CultureInfo.InvariantCulture)}", "--Delivery:HeldBytesCap=0"]);

    public static Task<int> RunAsync(string[] siloArgs) =>
        MeshSilo.RunWithJournalDecoratorAsync(siloArgs, (configuration, journal) =>
            new LossyJournal(journal, int.Parse(configuration[LossyJournal.Setting] ?? throw new ArgumentException($"{LossyJournal.Setting} is not set"), CultureInfo.InvariantCulture)));
}
