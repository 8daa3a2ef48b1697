namespace Article42.Mesh.Hosting.Configuration;

/// <summary>What the Kubernetes downward API says about the silo's pod (<c>POD_NAME</c>, <c>POD_NAMESPACE</c>); null elsewhere.</summary>
public sealed record PodSettings(string? Name, string? Namespace);
