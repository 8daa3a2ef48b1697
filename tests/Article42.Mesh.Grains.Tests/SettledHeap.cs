namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The managed heap once collection has nothing more to take. <see cref="GC.GetTotalMemory(bool)"/> stops collecting at a
/// 5% change, which on a test process's heap of hundreds of MiB leaves tens of MiB of garbage, freed by the next
/// measurement instead (run 86 read 56 MiB for an activation that holds 12); and a full collection makes the runtime
/// let go of pooled buffers it has not used for a while, which only a collection after it takes.
/// </summary>
public static class SettledHeap
{
    /// <summary>Two readings this close count as settled.</summary>
    private const long Settled = 64 * 1024;

    private const int MostCollections = 20;

    public static long Bytes()
    {
        var previous = Collected();
        for (var collection = 1; collection < MostCollections; collection++)
        {
            var now = Collected();
            if (Math.Abs(previous - now) < Settled)
                return now;
            previous = now;
        }

        return previous;
    }

    private static long Collected()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
