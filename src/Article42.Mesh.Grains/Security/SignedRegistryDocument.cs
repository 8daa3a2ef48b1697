using System.Runtime.CompilerServices;

namespace Article42.Mesh.Grains;

/// <summary>
/// What <see cref="IParticipantGrain.RegistryDocumentAsync"/> answers (issue #21): the operator-signed document of the
/// registry the silo applied, as signed, encoded once per registry (a registry is replaced whole, never changed); a silo
/// on an unsigned registry answers <see cref="ErrorCodes.RegistryUnsigned"/>.
/// </summary>
internal static class SignedRegistryDocument
{
    private static readonly ConditionalWeakTable<ParticipantRegistry, RegistryDocumentOutcome> Encoded = [];

    public static RegistryDocumentOutcome Of(ParticipantRegistry registry) => Encoded.GetValue(registry, static r =>
        RegistryDocuments.SignedOf(r) is { } document
            ? new RegistryDocumentOutcome(document, null)
            : new RegistryDocumentOutcome(null, new MeshError(ErrorCodes.RegistryUnsigned, "$.signature",
                $"the silo runs on an unsigned registry (version {r.Version}): there is no operator-signed document to check")));
}
