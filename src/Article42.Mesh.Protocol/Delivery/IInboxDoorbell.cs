using Orleans.Concurrency;

namespace Article42.Mesh.Protocol;

/// <summary>
/// A gateway's doorbell: rung, one-way and never awaited, when its inbox gains a message. Only a hint to fetch;
/// a missed ring loses nothing because the gateway also fetches on its own.
/// </summary>
[Alias("a42.inbox-doorbell")]
public interface IInboxDoorbell : IGrainObserver
{
    /// <summary>The inbox of <paramref name="participant"/> gained a message: fetch.</summary>
    [OneWay, Alias("ring")]
    void Ring(string participant);
}
