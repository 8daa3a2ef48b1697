using System.Text;
using System.Text.Json.Nodes;
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
    public void A_random_single_byte_tamper_of_a_random_signed_envelope_is_refused_or_fails_verification()
    {
        const int Cases = 1000;
        const string Alphanumerics = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var refused = 0;
        var verified = 0;
        // Half the tampers flip random bits (mostly breaking the JSON); half swap one letter or digit for another, which
        // keeps the JSON whole, so the envelope decodes with other content and the verify assertion is reached.
        Gen.Select(EnvelopeGenerators.Valid, Gen.Double[0, 1], Gen.Byte[1, 255], Gen.Bool).Sample((envelope, where, flip, swap) =>
        {
            var signed = TestData.Signed(envelope);
            var bytes = EnvelopeCodec.Encode(signed);
            if (swap)
            {
                var letters = Enumerable.Range(0, bytes.Length).Where(i => Alphanumerics.Contains((char)bytes[i], StringComparison.Ordinal)).ToList();
                var at = letters[Math.Min(letters.Count - 1, (int)(where * letters.Count))];
                var replacement = Alphanumerics.Replace(((char)bytes[at]).ToString(), "", StringComparison.Ordinal);
                bytes[at] = (byte)replacement[flip % replacement.Length];
            }
            else
            {
                bytes[Math.Min(bytes.Length - 1, (int)(where * bytes.Length))] ^= flip;
            }

            var decoded = EnvelopeCodec.Decode(bytes);
            if (!decoded.IsSuccess)
            {
                Interlocked.Increment(ref refused);
                Assert.NotEmpty(decoded.Errors);
            }
            else if (!SameSignedContent(decoded.Value!, signed))
            {
                Interlocked.Increment(ref verified);
                Assert.NotNull(EnvelopeSignatures.Verify(decoded.Value!, TestData.Registry));
            }
        }, iter: Cases, threads: 1);

        // The verify assertion must be reached, not skipped because every tamper broke the JSON.
        Assert.True(verified >= Cases / 20, $"only {verified} of {Cases} tampered envelopes decoded and reached verification ({refused} refused)");
        Assert.True(refused >= Cases / 5, $"only {refused} of {Cases} tampers were refused by the decoder");
    }

    [Fact]
    public void Random_bytes_become_errors_never_exceptions() =>
        Gen.Byte.Array[0, 4096].Sample(bytes => Assert.False(EnvelopeCodec.Decode(bytes).IsSuccess), iter: 2000);

    [Fact]
    public void Valid_envelopes_with_a_required_field_removed_or_of_the_wrong_JSON_type_are_refused_with_errors_never_exceptions()
    {
        // Structured garbage that parses far past the first byte: a whole, well-formed envelope with one required
        // field taken out or given a value of another JSON kind.
        string[] required = ["msg_id", "kind", "schema_version", "mode", "from", "to_action", "precedence_action", "created_at", "label"];
        var removed = 0;
        Gen.Select(EnvelopeGenerators.Valid, Gen.Int[0, required.Length - 1], Gen.Int[0, 4]).Sample((envelope, field, choice) =>
        {
            var json = JsonNode.Parse(EnvelopeCodec.Encode(TestData.Signed(envelope)))!.AsObject();
            var name = required[field];
            var original = json[name] ?? throw new InvalidOperationException($"the encoded envelope has no '{name}'");
            var change = "removed";
            if (choice == 4)
            {
                json.Remove(name);
                Interlocked.Increment(ref removed);
            }
            else
            {
                // A value of another JSON kind than the field's: never one the field can take.
                JsonNode[] others = [.. new JsonNode[] { JsonValue.Create(true), new JsonObject { ["x"] = 1 }, new JsonArray(1, 2), JsonValue.Create("text") }
                    .Where(candidate => candidate.GetValueKind() != original.GetValueKind())];
                json[name] = others[choice % others.Length];
                change = $"set to {json[name]!.ToJsonString()}";
            }

            var decoded = EnvelopeCodec.Decode(Encoding.UTF8.GetBytes(json.ToJsonString()));
            Assert.False(decoded.IsSuccess, $"'{name}' {change} still decoded");
            Assert.NotEmpty(decoded.Errors);
        }, iter: 1000, threads: 1);
        Assert.InRange(removed, 100, 400); // about one case in five takes the field out, the rest change its kind
    }

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
