using System.Diagnostics.Metrics;

namespace Article42.Mesh.Hosting.Connections;

/// <summary>The gateway endpoint's instruments, on the mesh's one meter.</summary>
internal static class GatewayTelemetry
{
    public static Counter<long> Refused { get; } = MeshTelemetry.Meter.CreateCounter<long>(
        "a42.gateway.refused", "{connection}", "Gateway connections the silo closed, by reason (a42.reason: forged-source, oversized, unreadable, address-cap, certificate-cap, client-id-bound).");

    public static void Count(string reason) => Refused.Add(1, new KeyValuePair<string, object?>("a42.reason", reason));
}
