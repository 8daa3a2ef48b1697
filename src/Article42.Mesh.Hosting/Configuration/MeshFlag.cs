namespace Article42.Mesh.Hosting.Configuration;

/// <summary>A command-line flag of the silo and of <c>a42 mesh up</c>, and the configuration key it sets.</summary>
public sealed record MeshFlag(string Name, string Key, string ValueName, string Description);
