namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// The two SITREPs of issue 17 in both forms: refused by size under 1.0.0, well within the limit under 1.1.0; and text
/// with a lone surrogate, which has no canonical form, refused with a code instead of stored as U+FFFD.
/// </summary>
public sealed class CanonicalFormTests
{
    /// <summary>Six texts of 16,384 '&lt;'.</summary>
    private static Envelope SixLongTextsOfLessThan(string schemaVersion) => Sitrep(schemaVersion, new string('<', Limits.LongText), 6);

    /// <summary>Three texts of 16,384 Greek letters: 49,152 in all.</summary>
    private static Envelope Greek(string schemaVersion) => Sitrep(schemaVersion, new string('Σ', Limits.LongText), 3);

    public static TheoryData<string> Oversized1_0_0Cases() => ["six-less-than", "greek"];

    [Theory]
    [MemberData(nameof(Oversized1_0_0Cases))]
    public void Under_1_1_0_the_issue_17_sitrep_validates_and_encodes_well_within_the_limit_and_under_1_0_0_it_is_refused_by_size(string which)
    {
        Envelope Make(string version) => which == "greek" ? Greek(version) : SixLongTextsOfLessThan(version);
        var current = TestData.Signed(Make(SchemaVersions.V1_1_0));
        var old = TestData.Signed(Make(SchemaVersions.V1_0_0));

        Assert.Empty(TestData.Validate(current));
        Assert.InRange(EnvelopeCodec.Encode(current).Length, 1, Limits.EnvelopeBytes / 2);
        var error = Assert.Single(TestData.Validate(old));
        Assert.Equal((ErrorCodes.EncodedTooLarge, "$"), (error.Code, error.Path));
        Assert.Contains("schema version 1.0.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_with_a_lone_surrogate_is_refused_with_its_path_and_has_no_canonical_form()
    {
        var envelope = Sitrep(SchemaVersions.V1_1_0, "before \ud800 after", 1) with { Signature = new string('A', 86) + "==" };

        var error = Assert.Single(TestData.Validate(envelope));

        Assert.Equal((ErrorCodes.ForbiddenCharacter, "$.payload.situation"), (error.Code, error.Path));
        Assert.Null(EnvelopeCodec.TryEncode(envelope));
        Assert.Throws<ArgumentException>(() => EnvelopeCodec.Encode(envelope));
        Assert.Equal(ErrorCodes.ForbiddenCharacter, EnvelopeSignatures.Verify(envelope, TestData.Registry)?.Code);
    }

    [Fact]
    public void A_surrogate_pair_is_not_a_lone_surrogate_and_is_written_as_its_four_utf8_bytes()
    {
        var envelope = Sitrep(SchemaVersions.V1_1_0, "🚒", 1);

        Assert.Empty(TestData.Validate(TestData.Signed(envelope)));
        Assert.Contains("\"situation\":\"🚒\"", System.Text.Encoding.UTF8.GetString(EnvelopeCodec.Encode(envelope)), StringComparison.Ordinal);
    }

    private static Envelope Sitrep(string schemaVersion, string text, int texts)
    {
        var envelope = TestData.Valid(MessageKind.Sitrep, "FR", "DE");
        var body = (SitrepBody)envelope.Payload!;
        string? At(int i) => i < texts ? text : null;
        return envelope with
        {
            SchemaVersion = schemaVersion,
            Payload = body with { Situation = At(0), ThreatAssessment = At(1), CasualtiesDamage = At(2), ActionsTaken = At(3), HnsStatus = At(4), Outlook = At(5) },
        };
    }
}
