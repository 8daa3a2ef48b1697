using System.Security.Cryptography;

namespace Article42.Mesh.Grains;

/// <summary>
/// The admin grain's side of the registry (issue #21): what the mesh holds, and the one way an operator appends a
/// document to <see cref="RegistryJournal.Stream"/> through the mesh. A document is appended only when every silo
/// would apply it: checked exactly as <see cref="RegistryFollower"/> checks it, against a version at least the newest
/// held (the stream's newest document the operator key verifies, or this silo's applied registry when newer).
/// </summary>
internal sealed class RegistryPublisher(IMessageJournal journal, IRegistryHolder holder, ECDsa operatorKey)
{
    // The stream moves only by publishes (one admin activation, one call at a time) and by whoever holds the journal's
    // credentials; a few tries absorb the latter, then the operator is told to read again.
    private const int Attempts = 3;

    /// <summary>The newest operator-signed document of the stream when it is not older than this silo's registry; else this silo's registry, unsigned.</summary>
    public async Task<byte[]> NewestAsync()
    {
        if (await RegistryJournal.NewestAfterAsync(journal, 0) is { } head && VersionOf(head.Document) is { } version && version >= holder.Version)
            return head.Document;
        return RegistryDocuments.Encode(holder.Current.ToDocument());
    }

    /// <summary>Appends <paramref name="document"/> when it is well-formed, the operator's and newer than the newest held; the refusal otherwise, nothing appended.</summary>
    public async Task<RegistryOutcome> PublishAsync(byte[] document)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var head = await RegistryJournal.NewestAfterAsync(journal, 0);
            // The same bytes as the newest entry: a retry whose first answer was lost. Published already; append nothing.
            if (head is { } newest && newest.Document.AsSpan().SequenceEqual(document))
                return new RegistryOutcome(document, null);
            var held = Math.Max(holder.Version, head is { } h ? VersionOf(h.Document) ?? 0 : 0);
            var verdict = RegistryDocuments.Verify(document, operatorKey, held, "published registry document");
            if (verdict.Error is { } refused)
                return new RegistryOutcome(null, refused);
            if (await RegistryJournal.TryAppendAfterAsync(journal, head?.Position ?? 0, document))
            {
                // This silo need not wait for its next poll; the others apply it from the journal.
                holder.TryApply(verdict.Registry!);
                return new RegistryOutcome(document, null);
            }
        }
        return new RegistryOutcome(null, new MeshError(ErrorCodes.RegistryNotNewer, "$.version",
            "other registry documents were appended while this one was checked; read the registry again and make the next version from it"));
    }

    // A stream entry the operator key does not verify (appended around the mesh, by another operator) is no version
    // the silos hold: they refuse it too.
    private long? VersionOf(byte[] document) => RegistryDocuments.Verify(document, operatorKey, -1).Registry?.Version;
}
