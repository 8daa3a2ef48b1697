namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Section <c>Dashboard</c>: whether the Orleans dashboard is served, and the token that guards it outside the embedded profile.</summary>
public sealed record DashboardSettings(bool Enabled, string? OperatorToken);
