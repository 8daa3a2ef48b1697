using Article42.Mesh.Grains;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// The name of each configuration section, spelled once; <see cref="ConfigKeys"/> derives its keys from these. A
/// section bound onto an option class takes the name that class owns.
/// </summary>
public static class ConfigSections
{
    public const string Paths = "Paths";
    public const string Cluster = "Cluster";
    public const string Journal = "Journal";
    public const string Http = "Http";
    public const string Shutdown = "Shutdown";
    public const string Dashboard = "Dashboard";
    public const string Telemetry = "Telemetry";

    /// <summary>Only the keys <see cref="ConfigKeys"/> names are accepted under it; anything else is refused.</summary>
    public const string Tls = "Tls";

    /// <summary>Bound onto the grains' <see cref="DeliveryOptions"/>.</summary>
    public const string Delivery = DeliveryOptions.Section;

    /// <summary>Bound onto the grains' <see cref="SecurityOptions"/> (the cluster secret included).</summary>
    public const string Security = SecurityOptions.Section;

    /// <summary>Bound onto Orleans' <c>ClusterMembershipOptions</c>.</summary>
    public const string Membership = "Membership";

    /// <summary>Bound onto <see cref="Hosting.Connections.GatewayConnectionOptions"/>: caps on gateway connections.</summary>
    public const string Connections = Hosting.Connections.GatewayConnectionOptions.Section;
}
