namespace Article42.Mesh.Protocol;

/// <summary>
/// An envelope with its canonical bytes as the mesh stores them, signature and trace included
/// (<see cref="Bytes"/>), and the SHA-256 of its signed bytes (<see cref="SignedHash"/>: the same bytes without the
/// trailing <c>trace</c> and <c>signature</c> members, schemas/canonical-json.md §6). Made once at a silo's edge
/// (<see cref="SignedDocuments"/>, issue #18): the signature is verified over these bytes, and they are stored as they
/// are, never encoded again.
/// </summary>
/// <param name="Envelope">The decoded envelope.</param>
/// <param name="Bytes">The canonical bytes of the whole envelope, as received (or encoded once for a gateway that sends values).</param>
/// <param name="SignedHash">SHA-256 of the signed bytes: what the signature covers, and the message id's content hash.</param>
public sealed record SignedDocument(Envelope Envelope, byte[] Bytes, byte[] SignedHash)
{
    /// <summary>The signed bytes themselves (a copy), for the rare check that needs them whole (a revoked key's verify).</summary>
    public byte[] SignedBytes() => SignedDocuments.SignedPart(Bytes);
}
