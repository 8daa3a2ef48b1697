using Article42.Mesh.Faults.Cluster;

namespace Article42.Mesh.Faults.Nemeses;

/// <summary>
/// A silo paused until the others declare it dead, then woken: it must find itself dead in the membership table and
/// stop (Orleans' fatal-error handler fails the process fast), not serve on as a zombie.
/// </summary>
public static class ZombieSilo
{
    /// <summary>
    /// Beyond the time the others will not vote against a silo they heard from (<see cref="MembershipStatement.VotesSuppressedFor"/>,
    /// 60 s), and 30 s for two votes to be written on a loaded machine. The first zombie nemesis paused for
    /// ProbeTimeout × NumMissedProbesLimit + 20 s (35 s): no silo was ever declared dead, so none had reason to stop.
    /// </summary>
    public static readonly TimeSpan Pause = MembershipStatement.VotesSuppressedFor + TimeSpan.FromSeconds(30);

    /// <summary>
    /// Once woken, the silo's membership table refresh is overdue (the pause is longer than TableRefreshTimeout, 60 s),
    /// so it reads the table at once, finds itself dead and fails fast after Orleans' 2 s for the loggers; 30 s leaves
    /// room for a loaded two-core machine.
    /// </summary>
    public static readonly TimeSpan StopsWithin = TimeSpan.FromSeconds(30);

    /// <summary>What Orleans writes when a silo learns it was declared dead (its fatal-error handler's message).</summary>
    public const string ToldItIsDead = "I have been told I am dead";

    /// <summary>Pauses <paramref name="silo"/> for <see cref="Pause"/>, wakes it, and returns its exit code, or null when it still runs after <see cref="StopsWithin"/>.</summary>
    public static async Task<int?> PauseBeyondMembershipAsync(SiloNode silo, Action<string> note, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(note);
        await silo.PauseAsync();
        note($"SIGSTOP {silo.Name} for {Pause.TotalSeconds:0} s");
        await Task.Delay(Pause, clock);
        await silo.ResumeAsync();
        note($"SIGCONT {silo.Name}");
        try
        {
            return await silo.Process!.ExitCodeAsync(StopsWithin);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
