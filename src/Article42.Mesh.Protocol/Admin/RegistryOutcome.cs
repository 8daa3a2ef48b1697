namespace Article42.Mesh.Protocol;

/// <summary>
/// The registry document the mesh holds (UTF-8 JSON, as the operator signed it, or the silo's own registry unsigned),
/// or why there is none (a refused proof, a refused document: <c>A42-ADM-*</c>, <c>A42-REG-*</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.registry-outcome")]
public sealed record RegistryOutcome([property: Id(0)] byte[]? Document, [property: Id(1)] MeshError? Error);
