using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>Properties of the codec and signatures over random envelopes and random, hostile input.</summary>
public sealed class PropertyTests
{
    private static readonly Serializer OrleansSerializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void Random_valid_envelopes_pass_validation_and_round_trip_through_JSON_exactly() =>
        EnvelopeGenerators.Valid.Sample(envelope =>
        {
            Assert.Empty(TestData.Validate(envelope));
            var bytes = EnvelopeCodec.Encode(envelope);
            var decoded = EnvelopeCodec.Decode(bytes);
            Assert.True(decoded.IsSuccess, string.Join("\n", decoded.Errors));
            Assert.Equal(bytes, EnvelopeCodec.Encode(decoded.Value!));
        }, iter: 300);

    [Fact]
    public void Random_signed_envelopes_round_trip_through_Orleans_serialization_and_still_verify() =>
        EnvelopeGenerators.Valid.Sample(envelope =>
        {
            var signed = TestData.Signed(envelope);
            var copy = OrleansSerializer.Deserialize<Envelope>(OrleansSerializer.SerializeToArray(signed))!;
            Assert.Equal(EnvelopeCodec.Encode(signed), EnvelopeCodec.Encode(copy));
            Assert.Null(EnvelopeSignatures.Verify(copy, TestData.Registry));
        }, iter: 100);

    [Fact]
    public void A_random_single_byte_tamper_of_a_random_signed_envelope_is_refused_or_fails_verification() =>
        Gen.Select(EnvelopeGenerators.Valid, Gen.Double[0, 1], Gen.Byte[1, 255]).Sample((envelope, where, flip) =>
        {
            var signed = TestData.Signed(envelope);
            var bytes = EnvelopeCodec.Encode(signed);
            var at = Math.Min(bytes.Length - 1, (int)(where * bytes.Length));
            bytes[at] ^= flip;
            var decoded = EnvelopeCodec.Decode(bytes);
            if (decoded.IsSuccess && !SameSignedContent(decoded.Value!, signed))
                Assert.NotNull(EnvelopeSignatures.Verify(decoded.Value!, TestData.Registry));
        }, iter: 500);

    [Fact]
    public void Random_bytes_become_errors_never_exceptions() =>
        Gen.Byte.Array[0, 4096].Sample(bytes => Assert.False(EnvelopeCodec.Decode(bytes).IsSuccess), iter: 2000);

    [Fact]
    public void Random_edits_of_valid_envelope_text_become_errors_or_envelopes_never_exceptions()
    {
        var edits = Gen.OneOf("\\", "\"", "\\u", "\\ud800", "\\udc00", "\\u0000", "{", "}", "[", "]", ",", ":", "0", "-1", "1e999", "null", "true", "é", "\u0001", " ", "");
        Gen.Select(EnvelopeGenerators.Valid, Gen.Double[0, 1], edits, Gen.Int[0, 3]).Sample((envelope, where, edit, cut) =>
        {
            var text = Encoding.UTF8.GetString(EnvelopeCodec.Encode(envelope));
            var at = Math.Min(text.Length, (int)(where * text.Length));
            var edited = text[..at] + edit + text[Math.Min(text.Length, at + cut)..];
            var decoded = EnvelopeCodec.Decode(edited);
            if (decoded.IsSuccess)
                _ = EnvelopeValidator.Validate(decoded.Value!, TestData.Registry, TestData.Now);
        }, iter: 2000);
    }

    [Fact]
    public void Every_truncation_of_a_valid_envelope_is_refused()
    {
        var bytes = EnvelopeCodec.Encode(TestData.Signed(TestData.Valid(MessageKind.Rfa, "FR", "ALL-MS")));
        for (var length = 0; length < bytes.Length; length++)
            Assert.False(EnvelopeCodec.Decode(bytes.AsMemory(0, length)).IsSuccess, $"a prefix of {length} bytes decoded");
    }

    private static bool SameSignedContent(Envelope a, Envelope b) =>
        EnvelopeCodec.CanonicalBytes(a).AsSpan().SequenceEqual(EnvelopeCodec.CanonicalBytes(b)) && a.Signature == b.Signature;
}
