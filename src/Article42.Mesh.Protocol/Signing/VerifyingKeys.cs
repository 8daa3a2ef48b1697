using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Article42.Mesh.Protocol;

/// <summary>
/// A registry's public keys, imported once and reused (issue #18: importing the key from base64 was half the cost of a
/// verify). An imported key is not documented as safe for concurrent use, so each verify borrows an idle instance and
/// returns it; a new one is imported only when all are lent, so a key has at most as many instances as verifiers that
/// ever ran at once.
/// </summary>
internal sealed class VerifyingKeys
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<ECDsa>> _idle = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="signature"/> (IEEE P1363) signs <paramref name="data"/> under <paramref name="publicKey"/> (a key the registry validated).</summary>
    public bool Verify(string publicKey, byte[] data, ReadOnlySpan<byte> signature) =>
        VerifyHash(publicKey, SHA256.HashData(data), signature);

    /// <summary>True when <paramref name="signature"/> (IEEE P1363) signs data whose SHA-256 is <paramref name="hash"/> under <paramref name="publicKey"/>.</summary>
    public bool VerifyHash(string publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        var idle = _idle.GetOrAdd(publicKey, _ => []);
        if (!idle.TryTake(out var key))
            key = ParticipantKeys.ImportPublicKey(publicKey)!;
        try
        {
            return key.VerifyHash(hash, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        finally
        {
            idle.Add(key);
        }
    }
}
