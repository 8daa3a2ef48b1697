using System.Globalization;
using Orleans.Configuration;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// The Orleans membership settings the suite runs with, stated: the shipped cluster profile sets none
/// (docs/reference/configuration.md, <c>Membership:*</c>: Orleans defaults), so the silos get no <c>--Membership</c>
/// flag and these are Orleans' own defaults, read from the options type rather than copied.
/// </summary>
public static class MembershipStatement
{
    public static ClusterMembershipOptions Shipped { get; } = new();

    /// <summary>
    /// How long the other silos will not vote against a silo they last heard from within it: with
    /// <c>EnableConnectionLivenessCheck</c> (on by default) a vote is suppressed while the last message received on the
    /// connection is younger than MaxProbeTimeout × NumMissedProbesLimit (60 s), so a silo paused for less is never
    /// declared dead, however many probes it misses.
    /// </summary>
    public static TimeSpan VotesSuppressedFor =>
        Shipped.EnableConnectionLivenessCheck ? Shipped.MaxProbeTimeout * Shipped.NumMissedProbesLimit : Shipped.ProbeTimeout * Shipped.NumMissedProbesLimit;

    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"membership (shipped cluster-profile values, Orleans defaults): ProbeTimeout {Shipped.ProbeTimeout}, NumMissedProbesLimit {Shipped.NumMissedProbesLimit}, " +
        $"NumVotesForDeathDeclaration {Shipped.NumVotesForDeathDeclaration}, NumProbedSilos {Shipped.NumProbedSilos}, TableRefreshTimeout {Shipped.TableRefreshTimeout}, " +
        $"DeathVoteExpirationTimeout {Shipped.DeathVoteExpirationTimeout}, IAmAliveTablePublishTimeout {Shipped.IAmAliveTablePublishTimeout}, " +
        $"MaxProbeTimeout {Shipped.MaxProbeTimeout}, EnableIndirectProbes {Shipped.EnableIndirectProbes}, EnableConnectionLivenessCheck {Shipped.EnableConnectionLivenessCheck}");
}
