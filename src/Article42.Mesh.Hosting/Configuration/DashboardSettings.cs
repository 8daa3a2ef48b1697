namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Section <c>Dashboard</c>: whether the Orleans dashboard is served (behind the operator credential of <see cref="HttpSettings"/>).</summary>
public sealed record DashboardSettings(bool Enabled);
