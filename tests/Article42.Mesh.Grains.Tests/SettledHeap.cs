namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The managed heap once collection has nothing more to take. <see cref="GC.GetTotalMemory(bool)"/> stops collecting once
/// a collection changes the heap by less than 5%, which on a test process's heap of 100 MiB and more can leave tens of
/// MiB of garbage for the next reading to count as freed (run 86 read 56 MiB for an activation that holds 12).
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
