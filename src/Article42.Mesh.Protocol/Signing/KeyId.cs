using System.Security.Cryptography;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The id of a participant's public key (issue #21): <c>k-</c> and the first 8 bytes of the SHA-256 of its
/// SubjectPublicKeyInfo (DER) in lower-case hex. Derived from the key itself, so a registry, an envelope and a stored
/// acceptance name the same key the same way without anyone assigning ids, and a rotated key always gets a new one.
/// </summary>
public static class KeyId
{
    /// <summary>What every key id starts with.</summary>
    public const string Prefix = "k-";

    /// <summary>How long a key id is: the prefix and 16 hex digits.</summary>
    public const int Length = 18;

    /// <summary>The id of the base64 SubjectPublicKeyInfo <paramref name="publicKey"/> (the registry's form).</summary>
    /// <exception cref="FormatException">When <paramref name="publicKey"/> is not base64.</exception>
    public static string Of(string publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return OfSubjectPublicKeyInfo(Convert.FromBase64String(publicKey));
    }

    /// <summary>The id of the key whose SubjectPublicKeyInfo (DER) is <paramref name="subjectPublicKeyInfo"/>.</summary>
    public static string OfSubjectPublicKeyInfo(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(subjectPublicKeyInfo, hash);
        return Prefix + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>True when <paramref name="text"/> has the form of a key id (it may name no key).</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.StartsWith(Prefix, StringComparison.Ordinal)
        && text.AsSpan(Prefix.Length).ContainsAnyExcept("0123456789abcdef") is false;
}
