using System.Globalization;
using Article42.Mesh.Faults.Cluster;

namespace Article42.Mesh.Faults.Runs;

/// <summary>
/// After a heal, the membership must converge within <see cref="Within"/>: every running silo answers
/// <c>/health/ready</c> (it is an active member in its own view of the table, and its journal answers). Measured from the
/// heal; null when it did not converge in time (the scenario then fails).
/// </summary>
public static class MembershipConvergence
{
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task<TimeSpan?> AfterAsync(FaultCluster cluster, DateTimeOffset healed, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(clock);
        // Deadline scales what it is given: it gets the unscaled rest of the 30 s.
        var left = Within - (clock.GetUtcNow() - healed);
        try
        {
            await Deadline.UntilAsync(() => AllReadyAsync(cluster), left > TimeSpan.Zero ? left : TimeSpan.Zero, "every running silo ready after the heal");
            return clock.GetUtcNow() - healed;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static async Task<bool> AllReadyAsync(FaultCluster cluster)
    {
        foreach (var silo in cluster.Silos.Where(s => s.Running))
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{silo.Place.Address}:{silo.HttpPort}/health/ready")));
                if (!response.IsSuccessStatusCode)
                    return false;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
        return true;
    }
}
