namespace Article42.Mesh.Faults.Network;

/// <summary>One network namespace of a run: a silo, PostgreSQL, Redis or a gateway client lives in it, at <see cref="Address"/>.</summary>
public sealed record NetworkNode(string Name, string Namespace, string Address)
{
    /// <summary>Where a process started for this node runs: <c>ip netns exec</c> its namespace, listening on its address.</summary>
    public NetworkPlace Place => new(Address, ["ip", "netns", "exec", Namespace]);
}
