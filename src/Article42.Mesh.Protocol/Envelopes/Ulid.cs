using System.Security.Cryptography;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Message ids are ULIDs (26 Crockford base-32 characters, 48-bit millisecond time + 80 random bits),
/// upper case only, so one id has exactly one spelling.
/// </summary>
public static class Ulid
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 26;

    /// <summary>A new ULID for <paramref name="time"/>; <paramref name="fillRandom"/> defaults to the system CSPRNG.</summary>
    public static string New(DateTimeOffset time, Action<Span<byte>>? fillRandom = null)
    {
        Span<byte> bytes = stackalloc byte[16];
        var millis = (ulong)time.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--, millis >>= 8)
            bytes[i] = (byte)millis;
        (fillRandom ?? RandomNumberGenerator.Fill)(bytes[6..]);
        return Encode(bytes);
    }

    /// <summary>True for a well-formed, upper-case ULID.</summary>
    public static bool IsValid(string? text)
    {
        if (text is null || text.Length != Length || text[0] > '7')
            return false;
        foreach (var c in text)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <summary>The creation time carried in a valid ULID.</summary>
    public static DateTimeOffset TimeOf(string ulid)
    {
        long millis = 0;
        for (var i = 0; i < 10; i++)
            millis = (millis << 5) | (long)Alphabet.IndexOf(ulid[i], StringComparison.Ordinal);
        return DateTimeOffset.FromUnixTimeMilliseconds(millis);
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits as 26 base-32 digits, most significant first (the first digit carries 3 bits).
        var value = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        Span<char> chars = stackalloc char[Length];
        for (var i = Length - 1; i >= 0; i--, value >>= 5)
            chars[i] = Alphabet[(int)(value & 31)];
        return new string(chars);
    }
}
