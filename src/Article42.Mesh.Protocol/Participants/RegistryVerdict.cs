namespace Article42.Mesh.Protocol;

/// <summary>What <see cref="RegistryDocuments.Verify"/> made of a registry document: the registry to apply, or why it is refused.</summary>
/// <param name="Registry">The verified registry; null when refused.</param>
/// <param name="Error">Why the document is refused (an <c>A42-REG</c> code); null when it may be applied.</param>
public sealed record RegistryVerdict(ParticipantRegistry? Registry, MeshError? Error)
{
    internal static RegistryVerdict Refused(string code, string path, string message) => new(null, new MeshError(code, path, message));
}
