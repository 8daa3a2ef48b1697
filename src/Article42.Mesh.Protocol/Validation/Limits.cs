namespace Article42.Mesh.Protocol;

/// <summary>
/// Size limits of the wire format. They bound what one envelope can cost a silo to parse, verify,
/// store and fan out; they are generous for every message in the catalogue.
/// </summary>
public static class Limits
{
    /// <summary>Largest encoded envelope, in UTF-8 bytes.</summary>
    public const int EnvelopeBytes = 256 * 1024;

    /// <summary>Deepest nesting of JSON objects and arrays.</summary>
    public const int JsonDepth = 16;

    /// <summary>Most distinct recipients after group expansion (the default registry has 50 participants).</summary>
    public const int Recipients = 64;

    /// <summary>Longest identifier-like string: references, ids of offers, lines, RFAs.</summary>
    public const int ShortText = 128;

    /// <summary>Longest one-line text: names, locations, subjects.</summary>
    public const int LineText = 512;

    /// <summary>Longest free text: summaries, situations, answers.</summary>
    public const int LongText = 16 * 1024;

    /// <summary>Most items in any one list (addressees, lines, references, topics).</summary>
    public const int ListItems = 256;
}
