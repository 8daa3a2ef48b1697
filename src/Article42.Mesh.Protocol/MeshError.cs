namespace Article42.Mesh.Protocol;

/// <summary>
/// A refusal or validation failure, the same at every edge (codec, grain, SDK, CLI):
/// a stable code (<c>A42-AREA-NNN</c>), the JSON path of the field at fault and a sentence.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.mesh-error")]
public sealed record MeshError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Path,
    [property: Id(2)] string Message)
{
    /// <summary>The one-line form the CLI prints: <c>error A42-ENV-007 $.to_action[1]: unknown participant 'XX'</c>.</summary>
    public override string ToString() => $"error {Code} {Path}: {Message}";
}
