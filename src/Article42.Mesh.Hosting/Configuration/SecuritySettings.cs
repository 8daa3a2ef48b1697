namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// Section <c>Security</c>, as far as the host reads it: the configured cluster secret (null in the embedded profile
/// when none is set: one is generated). The grains bind the whole section onto their own <c>SecurityOptions</c>.
/// </summary>
public sealed record SecuritySettings(string? ClusterSecret);
