namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// The envelopes of schemas/vectors/ before signing: every escaping rule of schemas/canonical-json.md, both forms, and
/// the largest envelope the limit allows. <see cref="VectorFiles.WriteAll"/> writes them to disk.
/// </summary>
internal static class VectorCases
{
    /// <summary>Every vector's <c>created_at</c>; validation runs at one minute later.</summary>
    public static readonly DateTimeOffset Created = new(2026, 11, 26, 21, 5, 0, 123, TimeSpan.Zero);

    private const string Mixed = "Flood <levels> & \"runoff\" +2 m; Σεισμός στην Αθήνα; Наводнение в София; 🚒🆘; C:\\temp\ttab\r\nline 2";

    public static IReadOnlyList<VectorCase> All { get; } =
    [
        new("ascii", "plain ASCII text: every character is its own byte", Sitrep(SchemaVersions.V1_1_0, situation: "River Rhine above 8.5 m at Koblenz; evacuation of 1,200 residents under way.")),
        new("html-specials", "< > & + ' ` and = are written as they are (1.0.0 escaped the first six as \\u003C and so on)", Sitrep(SchemaVersions.V1_1_0, situation: "<b>&amp;</b> a+b=c 'quoted' `code` <script>")),
        new("greek-bulgarian", "Greek and Bulgarian (Cyrillic) letters are their UTF-8 bytes, two per letter", Sitrep(SchemaVersions.V1_1_0, situation: "Σεισμός μεγέθους 6,1 βαθμών στην Αθήνα.", outlook: "Наводнението в София продължава; нужни са помпи.")),
        new("emoji", "characters outside the BMP (UTF-16 surrogate pairs) are their four UTF-8 bytes, never a pair of \\u escapes", Sitrep(SchemaVersions.V1_1_0, situation: "🚒 fire engines, 🚁 helicopters, 🆘; flag 🇪🇺; 𝄞")),
        new("escapes", "the only escapes: \\\" \\\\ \\t \\n \\r (the control characters a text may hold); U+2028, U+2029, U+00AD, U+FEFF and U+FFFD are written as they are", Sitrep(SchemaVersions.V1_1_0, situation: "say \"stop\"\\ back\\slash\ttab\r\nnew line", outlook: "line\u2028separator\u2029paragraph \u00AD soft hyphen \uFEFF bom \uFFFD replacement")),
        new("trace-excluded", "the trace context and the signature are left out of the signed bytes but stored", Sitrep(SchemaVersions.V1_1_0, situation: "traced") with
        {
            Trace = new TraceContext { Traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", Tracestate = "a42=1" },
        }),
        new("largest-legal", $"the largest envelope the limit allows: exactly {Limits.EnvelopeBytes} canonical bytes, signature included, in 3-byte CJK and 1-byte ASCII text", Largest()),
        new("version-1.0.0", "a 1.0.0 envelope keeps the form it was signed in: non-ASCII, \" & ' + < > ` as \\uXXXX (upper-case hex), surrogate pairs as two escapes, \\b \\t \\n \\f \\r, other controls \\u00XX", Sitrep(SchemaVersions.V1_0_0, situation: Mixed)),
        new("version-1.1.0", "the same text as version-1.0.0 in the 1.1.0 form", Sitrep(SchemaVersions.V1_1_0, situation: Mixed)),
    ];

    /// <summary>A SITREP from FR to DE of <paramref name="schemaVersion"/> with the given texts.</summary>
    public static Envelope Sitrep(string schemaVersion, string? situation = null, string? outlook = null)
    {
        var envelope = EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, "FR", ["DE"], []), Created, random => random.Fill(0x2A));
        return envelope with
        {
            SchemaVersion = schemaVersion,
            Payload = ((SitrepBody)envelope.Payload!) with { SitrepNo = 7, Situation = situation, Outlook = outlook },
        };
    }

    /// <summary>Five texts of <see cref="Limits.LongText"/> CJK characters and a sixth cut so the envelope fills the limit exactly.</summary>
    private static Envelope Largest()
    {
        var cjk = new string('中', Limits.LongText);
        var envelope = Sitrep(SchemaVersions.V1_1_0);
        var body = (SitrepBody)envelope.Payload!;
        var full = envelope with { Payload = body with { Situation = cjk, ThreatAssessment = cjk, CasualtiesDamage = cjk, ActionsTaken = cjk, HnsStatus = cjk, Outlook = "" } };
        var spare = Limits.EnvelopeBytes - SignedSize(full);
        var outlook = new string('中', spare / 3) + new string('x', spare % 3);
        return full with { Payload = ((SitrepBody)full.Payload!) with { Outlook = outlook } };
    }

    // A signature is always 88 base64 characters, so the size of a signed envelope is known before signing.
    private static int SignedSize(Envelope envelope) => EnvelopeCodec.Encode(envelope with { Signature = new string('A', 86) + "==" }).Length;
}
