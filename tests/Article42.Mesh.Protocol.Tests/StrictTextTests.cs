namespace Article42.Mesh.Protocol.Tests;

/// <summary>Anchors that never match before a trailing newline, texts without controls or bidi overrides, times in one ISO 8601 form.</summary>
public sealed class StrictTextTests
{
    [Theory]
    [InlineData("2026-11-26T12:00:00.000Z\n")]
    [InlineData("2026-11-26T12:00:00.000")]
    [InlineData("2026-11-26 12:00:00Z")]
    [InlineData("11/26/2026 12:00:00")]
    [InlineData("2026-11-26")]
    [InlineData(" 2026-11-26T12:00:00.000Z")]
    [InlineData("2026-11-26T12:00Z")]
    public void A_time_not_in_ISO_8601_with_seconds_and_an_explicit_offset_is_refused(string time)
    {
        var json = Json(TestData.Valid()).Replace("\"created_at\":\"2026-11-26T12:00:00.000Z\"", $"\"created_at\":{System.Text.Json.JsonSerializer.Serialize(time)}", StringComparison.Ordinal);
        var error = Assert.Single(EnvelopeCodec.Decode(json).Errors);
        Assert.Equal((ErrorCodes.WrongType, "$.created_at"), (error.Code, error.Path));
    }

    [Theory]
    [InlineData("2026-11-26T12:00:00Z")]
    [InlineData("2026-11-26T12:00:00.5Z")]
    [InlineData("2026-11-26T13:00:00.000+01:00")]
    [InlineData("2026-11-26T07:00:00.000-05:00")]
    public void A_time_with_Z_or_an_offset_is_normalised_to_UTC_Z(string time)
    {
        var json = Json(TestData.Valid()).Replace("\"created_at\":\"2026-11-26T12:00:00.000Z\"", $"\"created_at\":\"{time}\"", StringComparison.Ordinal);
        var decoded = EnvelopeCodec.Decode(json);
        Assert.True(decoded.IsSuccess, string.Join("\n", decoded.Errors));
        Assert.Equal(TimeSpan.Zero, decoded.Value!.CreatedAt.Offset);
        Assert.Contains("\"created_at\":\"2026-11-26T12:00:00.", Json(decoded.Value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nul \0 inside")]
    [InlineData("bell \a")]
    [InlineData("escape \u001B[31m")]
    [InlineData("delete \u007F")]
    [InlineData("c1 \u0085")]
    [InlineData("override \u202E evil")]
    [InlineData("embedding \u202A")]
    [InlineData("isolate \u2066 x \u2069")]
    public void A_text_with_a_control_or_bidi_override_character_is_refused(string text)
    {
        var envelope = TestData.Valid() with { Payload = ((SitrepBody)TestData.Valid().Payload!) with { Situation = text } };
        var error = Assert.Single(TestData.Validate(envelope));
        Assert.Equal((ErrorCodes.ForbiddenCharacter, "$.payload.situation"), (error.Code, error.Path));
    }

    [Fact]
    public void Tabs_and_line_breaks_and_any_script_are_fine_in_texts()
    {
        var envelope = TestData.Valid() with { Payload = ((SitrepBody)TestData.Valid().Payload!) with { Situation = "Κατάσταση:\tστάσιμη.\r\nСитуация: تحت السيطرة." } };
        Assert.Empty(TestData.Validate(envelope));
    }

    [Fact]
    public void Validation_anchors_do_not_match_before_a_trailing_newline()
    {
        var errors = TestData.Validate(TestData.Valid() with
        {
            ActivationId = "A42-2026-0001\n",
            Topics = ["X\n"],
            Label = TestData.Valid().Label with { Policy = "NAT:FR\n" },
        });
        Assert.Contains(errors, e => e is { Code: ErrorCodes.BadActivationId, Path: "$.activation_id" });
        Assert.Contains(errors, e => e is { Code: ErrorCodes.BadToken, Path: "$.topics[0]" });
        Assert.Contains(errors, e => e is { Code: ErrorCodes.BadLabel, Path: "$.label.policy" });
        Assert.False(ParticipantRegistry.IsWellFormedId("FR\n"));
        Assert.False(ResourceCategories.IsValid("MED.EMT2\n"));
    }

    private static string Json(Envelope envelope) => System.Text.Encoding.UTF8.GetString(EnvelopeCodec.Encode(envelope));
}
