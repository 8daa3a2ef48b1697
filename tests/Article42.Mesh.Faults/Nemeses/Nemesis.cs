namespace Article42.Mesh.Faults.Nemeses;

/// <summary>
/// One fault class: what it does (for the docs and the timeline) and how it is injected and healed. <see cref="InjectAsync"/>
/// returns when the fault is healed (the process restarted, the server back), with the time of that heal. With
/// <see cref="ThroughProxies"/>, the round's clients connect through latency proxies in their own namespaces
/// (<see cref="Network.GatewayProxies"/>, in <see cref="NemesisContext.Proxies"/>) instead of to the silos directly.
/// </summary>
public sealed record Nemesis(string Name, string Does, Func<NemesisContext, Task<DateTimeOffset>> InjectAsync, bool ThroughProxies = false);
