namespace Article42.Mesh.Protocol;

/// <summary>
/// The operator-signed registry document a silo applied (issue #21), as signed: compact UTF-8 JSON that a gateway
/// checks against the operator's public key with <see cref="RegistryDocuments.Verify"/>. <see cref="Error"/> says why
/// there is none: a session error, or <see cref="ErrorCodes.RegistryUnsigned"/> from a silo that runs on an unsigned
/// registry (a <c>registry.json</c> of before issue #21), which is an answer, not a failure.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.registry-document-outcome")]
public sealed record RegistryDocumentOutcome(
    [property: Id(0)] byte[]? Document,
    [property: Id(1)] MeshError? Error);
