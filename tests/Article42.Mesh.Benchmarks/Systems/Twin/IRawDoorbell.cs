using Orleans.Concurrency;

namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>Rung (one way, never awaited) when a raw inbox gains messages, like the mesh's inbox doorbell.</summary>
[Alias("bench.raw-doorbell")]
public interface IRawDoorbell : IGrainObserver
{
    [Alias("ring"), OneWay]
    void Ring();
}
