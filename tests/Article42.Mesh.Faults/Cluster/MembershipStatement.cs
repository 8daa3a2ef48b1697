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

    /// <summary>How long a silo that stops answering lives on in the membership table, at most: missed probes, then the votes' table refresh.</summary>
    public static TimeSpan DeathDeclaredWithin =>
        (Shipped.ProbeTimeout * Shipped.NumMissedProbesLimit) + Shipped.TableRefreshTimeout;

    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"membership (shipped cluster-profile values, Orleans defaults): ProbeTimeout {Shipped.ProbeTimeout}, NumMissedProbesLimit {Shipped.NumMissedProbesLimit}, " +
        $"NumVotesForDeathDeclaration {Shipped.NumVotesForDeathDeclaration}, NumProbedSilos {Shipped.NumProbedSilos}, TableRefreshTimeout {Shipped.TableRefreshTimeout}, " +
        $"DeathVoteExpirationTimeout {Shipped.DeathVoteExpirationTimeout}, IAmAliveTablePublishTimeout {Shipped.IAmAliveTablePublishTimeout}");
}
