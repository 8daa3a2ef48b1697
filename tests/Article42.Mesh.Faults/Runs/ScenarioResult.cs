using System.Globalization;
using Article42.Mesh.Faults.Checking;

namespace Article42.Mesh.Faults.Runs;

/// <summary>One scenario's figures: the checker's report, and how long the mesh took to hand a new message after the heal.</summary>
public sealed record ScenarioResult(string Scenario, CheckReport Report, TimeSpan? TimeToRecover, string Histories)
{
    /// <summary>From the heal to every running silo ready (<see cref="MembershipConvergence"/>); null: not within 30 s.</summary>
    public TimeSpan? Converged { get; init; }

    /// <summary>Why the round stopped part-way (a silo start not ready in time, a wait that timed out...); null: it ran to its end.</summary>
    public string? Failure { get; init; }

    public bool Passed => Failure is null && Report.Clean && TimeToRecover is not null && Converged is not null;

    public string Figures() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario}: {Report.Figures()}, time to recover {(TimeToRecover is { } t ? $"{t.TotalSeconds:0.0} s" : "never")}, membership converged {(Converged is { } m ? $"{m.TotalSeconds:0.0} s" : "not within 30 s")}{(Failure is { } f ? $", FAILED: {f}" : "")}");
}
