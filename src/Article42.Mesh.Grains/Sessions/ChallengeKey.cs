using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Makes and checks stateless session challenges: a nonce is its issue time, 16 random bytes and an HMAC over the
/// participant, that time and those bytes, with a key every silo derives from the cluster secret. Nothing is kept
/// per challenge, so no caller can fill a table or flush another caller's challenge.
/// </summary>
public sealed class ChallengeKey
{
    private const int RandomBytes = 16;
    private const int MacBytes = 16;
    private const int NonceBytes = sizeof(long) + RandomBytes + MacBytes;
    private readonly byte[] _key;

    public ChallengeKey(IOptions<SecurityOptions> security)
        : this(security.Value.ClusterSecret)
    {
    }

    /// <summary>A key derived from <paramref name="clusterSecret"/>; without one (a test), a random key of this process.</summary>
    public ChallengeKey(string? clusterSecret) =>
        _key = string.IsNullOrEmpty(clusterSecret)
            ? RandomNumberGenerator.GetBytes(32)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(clusterSecret), 32, info: "a42-session-challenge/1"u8.ToArray());

    public string Issue(string participant, DateTimeOffset issuedAt)
    {
        var nonce = new byte[NonceBytes];
        BinaryPrimitives.WriteInt64BigEndian(nonce, issuedAt.ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce.AsSpan(sizeof(long), RandomBytes));
        Mac(participant, nonce.AsSpan(0, sizeof(long) + RandomBytes)).CopyTo(nonce.AsSpan(sizeof(long) + RandomBytes));
        return Convert.ToBase64String(nonce);
    }

    /// <summary>When this silo's key issued <paramref name="nonce"/> for <paramref name="participant"/>; null for anything else.</summary>
    public DateTimeOffset? IssuedAt(string participant, string? nonce)
    {
        Span<byte> bytes = stackalloc byte[NonceBytes];
        // One spelling per nonce (base64 tolerates whitespace and stray bits), so "spent" cannot be dodged by respelling.
        if (nonce is null || nonce.Length > 64 || !Convert.TryFromBase64String(nonce, bytes, out var length) || length != NonceBytes
            || Convert.ToBase64String(bytes) != nonce)
            return null;
        var expected = Mac(participant, bytes[..(sizeof(long) + RandomBytes)]);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[(sizeof(long) + RandomBytes)..]))
            return null;
        var millis = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return millis is >= 0 and <= 253402300799999 ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null;
    }

    private byte[] Mac(string participant, ReadOnlySpan<byte> issuedAndRandom)
    {
        var who = Encoding.UTF8.GetBytes(participant);
        var message = new byte[who.Length + 1 + issuedAndRandom.Length];
        who.CopyTo(message, 0);
        issuedAndRandom.CopyTo(message.AsSpan(who.Length + 1));
        return HMACSHA256.HashData(_key, message)[..MacBytes];
    }
}
