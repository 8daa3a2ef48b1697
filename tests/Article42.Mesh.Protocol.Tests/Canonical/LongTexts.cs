using System.Globalization;
using CsCheck;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// Long texts in the alphabets that cost the canonical form most: ASCII, the characters 1.0.0 escaped and JSON's own
/// escapes, Greek, Bulgarian, 3-byte CJK, 4-byte emoji (surrogate pairs), and all of them mixed; mostly near
/// <see cref="Limits.LongText"/>, the longest a free text may be.
/// </summary>
internal static class LongTexts
{
    private static readonly string[][] Alphabets =
    [
        Elements("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789.,;:-()"),
        Elements("<>&+'\"\\`=\t\n\r"),
        Elements("αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΣΩάέήίόύώ ,."),
        Elements("абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗ ,."),
        Elements("中文日本語漢字한국어"),
        Elements("🚒🆘🇪🇺𝄞😀🌊"),
    ];

    private static readonly string[] Mixed = [.. Alphabets.SelectMany(a => a)];

    /// <summary>One of the alphabets, or all of them mixed.</summary>
    public static readonly Gen<int> Alphabet = Gen.Int[0, Alphabets.Length];

    /// <summary>A text in any alphabet.</summary>
    public static readonly Gen<string> Any = Alphabet.SelectMany(In);

    /// <summary>A text of at most <see cref="Limits.LongText"/> UTF-16 characters; three times in four, at least 14,000.</summary>
    public static Gen<string> In(int alphabet) =>
        from length in Gen.Frequency((3, Gen.Int[14_000, Limits.LongText]), (1, Gen.Int[0, Limits.LongText]))
        from seed in Gen.Int
        select Text(alphabet == Alphabets.Length ? Mixed : Alphabets[alphabet], length, seed);

    /// <summary>Random elements of <paramref name="alphabet"/> up to <paramref name="length"/> UTF-16 characters, never splitting a pair.</summary>
    private static string Text(string[] alphabet, int length, int seed)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder(length);
        while (true)
        {
            var element = alphabet[random.Next(alphabet.Length)];
            if (text.Length + element.Length > length)
                return text.ToString();
            text.Append(element);
        }
    }

    private static string[] Elements(string alphabet)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(alphabet);
        while (enumerator.MoveNext())
            elements.Add(enumerator.GetTextElement());
        return [.. elements];
    }
}
