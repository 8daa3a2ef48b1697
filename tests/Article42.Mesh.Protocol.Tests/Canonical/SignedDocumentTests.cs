using System.Security.Cryptography;
using System.Text;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// A silo's edge for envelopes sent as bytes (issue #18): every vector's canonical bytes are read as they are, with the
/// hash of exactly their signed bytes; a gateway's one-encode document is the canonical form; any other spelling of the
/// same envelope is refused as not canonical, and bytes that are not an envelope with the codec's own codes.
/// </summary>
public sealed class SignedDocumentTests
{
    public static TheoryData<string> Names() => [.. VectorCases.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_canonical_bytes_of_every_vector_are_read_as_they_are_and_their_signature_verifies_over_them(string name)
    {
        var canonical = File.ReadAllBytes(VectorFiles.PathOf(name, ".canonical.bin"));
        var signed = File.ReadAllBytes(VectorFiles.PathOf(name, ".signed.bin"));
        using var key = VectorFiles.LoadKey();

        var read = SignedDocuments.Read(canonical);

        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        Assert.Same(canonical, read.Value!.Bytes);
        Assert.Equal(SHA256.HashData(signed), read.Value.SignedHash);
        Assert.Equal(signed, read.Value.SignedBytes());
        Assert.Null(EnvelopeSignatures.Verify(read.Value, VectorFiles.Registry(key)));
    }

    [Theory]
    [InlineData(SchemaVersions.V1_0_0, true)]
    [InlineData(SchemaVersions.V1_0_0, false)]
    [InlineData(SchemaVersions.Current, true)]
    [InlineData(SchemaVersions.Current, false)]
    public void A_document_signed_with_one_encode_is_the_canonical_form_of_the_signed_envelope(string version, bool traced)
    {
        var envelope = TestData.Valid() with
        {
            SchemaVersion = version,
            Trace = traced ? new TraceContext { Traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", Tracestate = "a42=<1>" } : null,
        };

        var document = SignedDocuments.Sign(envelope, TestData.KeyOf("FR"));

        Assert.Equal(EnvelopeCodec.Encode(document.Envelope), document.Bytes);
        Assert.Equal(SHA256.HashData(EnvelopeCodec.CanonicalBytes(document.Envelope)), document.SignedHash);
        Assert.Null(EnvelopeSignatures.Verify(document.Envelope, TestData.Registry));
        Assert.True(SignedDocuments.Read(document.Bytes).IsSuccess);
    }

    public static TheoryData<string, string> Respellings() => new()
    {
        { "a space after the first colon", "\"msg_id\":\"|\"msg_id\": \"" },
        { "a line break at the end", "}$|}\n" },
        { "an escaped letter", "\"kind\":\"SITREP\"|\"kind\":\"SIT\\u0052EP\"" },
        { "two members swapped", "\"msg_id\":\"(?<id>[^\"]+)\",\"kind\":\"SITREP\"|\"kind\":\"SITREP\",\"msg_id\":\"${id}\"" },
        { "a time with an offset", "\"created_at\":\"(?<d>[^T]+)T(?<h>\\d\\d)(?<rest>:[^Z]+)Z\"|\"created_at\":\"${d}T${h}${rest}+00:00\"" },
        { "an explicit null", "\"from\":|\"released_by\":null,\"from\":" },
        { "a leading byte order mark", "^|\uFEFF" },
    };

    [Theory]
    [MemberData(nameof(Respellings))]
    public void The_same_envelope_spelled_otherwise_decodes_but_is_refused_as_not_canonical(string respelling, string rule)
    {
        var document = SignedDocuments.Sign(TestData.Valid(), TestData.KeyOf("FR"));
        var (pattern, replacement) = (rule.Split('|')[0], rule.Split('|')[1]);
        var text = System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(document.Bytes), pattern, replacement, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        var respelled = Encoding.UTF8.GetBytes(text);
        Assert.NotEqual(document.Bytes, respelled);
        Assert.True(EnvelopeCodec.Decode(respelled).IsSuccess, $"{respelling}: the respelled document must still decode");

        var read = SignedDocuments.Read(respelled);

        Assert.Equal((ErrorCodes.NotCanonical, "$"), (Assert.Single(read.Errors).Code, read.Errors[0].Path));
    }

    [Fact]
    public void No_bytes_and_bytes_that_are_not_JSON_are_refused_as_malformed()
    {
        Assert.Equal(ErrorCodes.MalformedJson, Assert.Single(SignedDocuments.Read([]).Errors).Code);
        Assert.Equal(ErrorCodes.MalformedJson, Assert.Single(SignedDocuments.Read(null).Errors).Code);
        Assert.Equal(ErrorCodes.MalformedJson, Assert.Single(SignedDocuments.Read("not json at all"u8.ToArray()).Errors).Code);
    }

    [Fact]
    public void Bytes_over_the_limit_are_refused_as_too_large()
    {
        var read = SignedDocuments.Read(new byte[Limits.EnvelopeBytes + 1]);

        Assert.Equal(ErrorCodes.EncodedTooLarge, Assert.Single(read.Errors).Code);
    }
}
