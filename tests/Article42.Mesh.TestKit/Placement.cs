using Orleans.Core.Internal;
using Orleans.Runtime.Placement;

namespace Article42.Mesh.TestKit;

/// <summary>
/// The one placement helper: which silo hosts a grain, and moving a grain to a chosen silo, through the cluster's own
/// management grain (works for the in-process test cluster and for silo processes alike).
/// </summary>
public static class Placement
{
    /// <summary>The silo that hosts <paramref name="grain"/>'s activation, or null when it has none.</summary>
    public static async Task<SiloAddress?> HostOfAsync(IGrainFactory client, IAddressable grain)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain).ConfigureAwait(false);
    }

    /// <summary>The active silo whose silo-to-silo port is <paramref name="siloPort"/>.</summary>
    public static async Task<SiloAddress> SiloAtPortAsync(IGrainFactory client, int siloPort)
    {
        ArgumentNullException.ThrowIfNull(client);
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        return hosts.Keys.Single(s => s.Endpoint.Port == siloPort);
    }

    /// <summary>
    /// Activates <paramref name="grain"/> (through <paramref name="touch"/>) and moves it to <paramref name="silo"/>: a
    /// placement hint, then migration, until the management grain reports it there.
    /// </summary>
    public static Task MoveAsync(IGrainFactory client, IAddressable grain, Func<Task> touch, SiloAddress silo, TimeSpan within) =>
        Deadline.UntilAsync(async () =>
        {
            await touch().ConfigureAwait(false);
            if (silo.Equals(await HostOfAsync(client, grain).ConfigureAwait(false)))
                return true;
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            try
            {
                await grain.Cast<IGrainManagementExtension>().MigrateOnIdle().ConfigureAwait(false);
            }
            finally
            {
                // Only the hint: a caller's ClusterSecretScope stays.
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }

            return false;
        }, within, $"grain {grain.GetGrainId()} placed on {silo}");
}
