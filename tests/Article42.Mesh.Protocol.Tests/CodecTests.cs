using System.Text;

namespace Article42.Mesh.Protocol.Tests;

public sealed class CodecTests
{
    [Theory]
    [MemberData(nameof(TestData.AllKinds), MemberType = typeof(TestData))]
    public void Every_kind_skeleton_is_valid_and_round_trips_to_the_same_bytes(MessageKind kind)
    {
        var envelope = TestData.Valid(kind);
        Assert.Empty(TestData.Validate(envelope));
        var bytes = EnvelopeCodec.Encode(envelope);
        var decoded = EnvelopeCodec.Decode(bytes);
        Assert.True(decoded.IsSuccess, string.Join("\n", decoded.Errors));
        Assert.Equal(MessageCatalogue.Of(kind).BodyType, decoded.Value!.Payload!.GetType());
        Assert.Equal(bytes, EnvelopeCodec.Encode(decoded.Value));
    }

    [Fact]
    public void Indented_form_decodes_to_the_same_envelope()
    {
        var envelope = TestData.Signed(TestData.Valid(MessageKind.Invocation, "FR", "ALL-MS"));
        var decoded = EnvelopeCodec.Decode(EnvelopeCodec.EncodeIndented(envelope));
        Assert.Equal(EnvelopeCodec.Encode(envelope), EnvelopeCodec.Encode(decoded.Value!));
    }

    [Fact]
    public void Unknown_duplicate_and_missing_fields_are_all_reported_at_once_with_their_paths()
    {
        var json = Json(TestData.Valid())
            .Replace($"\"schema_version\":\"{SchemaVersions.Current}\",", "", StringComparison.Ordinal)
            .Replace("\"from\":\"FR\"", "\"from\":\"FR\",\"from\":\"DE\",\"colour\":\"red\"", StringComparison.Ordinal)
            .Replace("\"sitrep_no\":1", "\"sitrep_no\":1,\"extra\":true", StringComparison.Ordinal);
        var errors = EnvelopeCodec.Decode(json).Errors;
        Assert.Contains(errors, e => e is { Code: ErrorCodes.DuplicateField, Path: "$.from" });
        Assert.Contains(errors, e => e is { Code: ErrorCodes.UnknownField, Path: "$.colour" });
        Assert.Contains(errors, e => e is { Code: ErrorCodes.UnknownField, Path: "$.payload.extra" });
        Assert.Contains(errors, e => e is { Code: ErrorCodes.MissingField, Path: "$.schema_version" });
        Assert.Equal(4, errors.Length);
    }

    [Theory]
    [InlineData("\"precedence_action\":\"PRIORITY\"", "\"precedence_action\":2", "$.precedence_action", "number is not one of")]
    [InlineData("\"precedence_action\":\"PRIORITY\"", "\"precedence_action\":\"URGENT\"", "$.precedence_action", "'URGENT' is not one of")]
    [InlineData("\"sitrep_no\":1", "\"sitrep_no\":\"1\"", "$.payload.sitrep_no", "expected a whole number")]
    [InlineData("\"sitrep_no\":1", "\"sitrep_no\":1.5", "$.payload.sitrep_no", "expected a whole number")]
    [InlineData("\"from\":\"FR\"", "\"from\":7", "$.from", "expected a string")]
    [InlineData("\"to_action\":[\"DE\"]", "\"to_action\":\"DE\"", "$.to_action", "expected an array")]
    [InlineData("\"to_action\":[\"DE\"]", "\"to_action\":null", "$.to_action", "must not be null")]
    [InlineData("\"created_at\":\"2026-11-26T12:00:00.000Z\"", "\"created_at\":\"yesterday\"", "$.created_at", "is not an ISO 8601 time")]
    [InlineData("\"created_at\":\"2026-11-26T12:00:00.000Z\"", "\"created_at\":\"2026-11-26T12:00:00.0001Z\"", "$.created_at", "more precise than milliseconds")]
    [InlineData("\"originator_control\":true", "\"originator_control\":\"yes\"", "$.label.originator_control", "expected true or false")]
    public void A_field_of_the_wrong_type_is_refused_with_its_path_and_a_sentence(string original, string replacement, string path, string sentence)
    {
        var json = Json(TestData.Valid());
        Assert.Contains(original, json, StringComparison.Ordinal);
        var errors = EnvelopeCodec.Decode(json.Replace(original, replacement, StringComparison.Ordinal)).Errors;
        var error = Assert.Single(errors);
        Assert.Equal((ErrorCodes.WrongType, path), (error.Code, error.Path));
        Assert.Contains(sentence, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is_training", "true")]
    [InlineData("effective_info_precedence", "\"FLASH\"")]
    public void A_computed_member_the_codec_never_writes_is_an_unknown_field_on_the_wire(string name, string value)
    {
        var json = Json(TestData.Valid()).Replace("\"from\":\"FR\"", $"\"from\":\"FR\",\"{name}\":{value}", StringComparison.Ordinal);
        var error = Assert.Single(EnvelopeCodec.Decode(json).Errors);
        Assert.Equal((ErrorCodes.UnknownField, "$." + name), (error.Code, error.Path));
    }

    [Fact]
    public void A_payload_of_another_kind_is_refused_field_by_field()
    {
        var json = Json(TestData.Valid()).Replace("\"kind\":\"SITREP\"", "\"kind\":\"RFI\"", StringComparison.Ordinal);
        var errors = EnvelopeCodec.Decode(json).Errors;
        Assert.Contains(errors, e => e is { Code: ErrorCodes.UnknownField, Path: "$.payload.sitrep_no" });
    }

    [Fact]
    public void Times_with_an_offset_are_read_as_the_same_instant_and_written_in_UTC()
    {
        var json = Json(TestData.Valid()).Replace("\"created_at\":\"2026-11-26T12:00:00.000Z\"", "\"created_at\":\"2026-11-26T13:00:00.000+01:00\"", StringComparison.Ordinal);
        var envelope = EnvelopeCodec.Decode(json).Value!;
        Assert.Equal(TestData.Now, envelope.CreatedAt);
        Assert.Contains("\"created_at\":\"2026-11-26T12:00:00.000Z\"", Json(envelope), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", ErrorCodes.MalformedJson)]
    [InlineData("   ", ErrorCodes.MalformedJson)]
    [InlineData("{\"msg_id\":", ErrorCodes.MalformedJson)]
    [InlineData("not json at all", ErrorCodes.MalformedJson)]
    [InlineData("[1,2,3]", ErrorCodes.WrongType)]
    [InlineData("\"a string\"", ErrorCodes.WrongType)]
    [InlineData("null", ErrorCodes.WrongType)]
    public void Input_that_is_not_an_envelope_object_is_refused_with_one_error(string json, string code) =>
        Assert.Equal(code, Assert.Single(EnvelopeCodec.Decode(json).Errors).Code);

    [Fact]
    public void Input_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var error = Assert.Single(EnvelopeCodec.Decode(new byte[Limits.EnvelopeBytes + 1]).Errors);
        Assert.Equal((ErrorCodes.TooLarge, "$"), (error.Code, error.Path));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var json = "{\"topics\":" + new string('[', 40) + new string(']', 40) + "}";
        Assert.Equal(ErrorCodes.TooDeep, Assert.Single(EnvelopeCodec.Decode(json).Errors).Code);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(EnvelopeCodec.Encode(TestData.Valid())).ToArray();
        Assert.True(EnvelopeCodec.Decode(bytes).IsSuccess);
    }

    [Fact]
    public void Nulls_are_left_out_and_the_canonical_bytes_omit_signature_and_trace()
    {
        var envelope = TestData.Signed(TestData.Valid()) with { Trace = new TraceContext { Traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" } };
        var canonical = Encoding.UTF8.GetString(EnvelopeCodec.CanonicalBytes(envelope));
        Assert.DoesNotContain("signature", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("trace", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("null", canonical, StringComparison.Ordinal);
        Assert.Contains("\"signature\"", Json(envelope), StringComparison.Ordinal);
    }

    private static string Json(Envelope envelope) => Encoding.UTF8.GetString(EnvelopeCodec.Encode(envelope));
}
