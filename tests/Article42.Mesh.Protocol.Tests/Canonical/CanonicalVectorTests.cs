using System.Text.Json.Nodes;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// The codec against every vector of schemas/vectors/, both directions: the fields encode to the published bytes
/// (and the signed bytes, their digest, and a signature that verifies), and the published bytes decode to the fields
/// and encode back to themselves.
/// </summary>
public sealed class CanonicalVectorTests
{
    public static TheoryData<string> Names() => [.. VectorCases.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_fields_of_a_vector_encode_to_its_canonical_and_signed_bytes_and_its_signature_verifies(string name)
    {
        var (fields, published) = Read(name);
        // The fields as the vector file spells them (JavaScriptEncoder's relaxed escapes: not the canonical spelling).
        var decoded = EnvelopeCodec.Decode(VectorFiles.Spell(fields["envelope"]!));
        Assert.True(decoded.IsSuccess, string.Join("\n", decoded.Errors));
        var envelope = decoded.Value!;
        using var key = VectorFiles.LoadKey();
        var registry = VectorFiles.Registry(key);

        Assert.Equal((string?)fields["schema_version"], envelope.SchemaVersion);
        Assert.Equal(published.Canonical, EnvelopeCodec.Encode(envelope));
        Assert.Equal(published.Signed, EnvelopeCodec.CanonicalBytes(envelope));
        Assert.Equal(((int)fields["canonical_bytes"]!, (string?)fields["canonical_sha256"]), (published.Canonical.Length, VectorFiles.Hex(published.Canonical)));
        Assert.Equal(((int)fields["signed_bytes"]!, (string?)fields["signed_sha256"]), (published.Signed.Length, VectorFiles.Hex(published.Signed)));
        Assert.Null(EnvelopeSignatures.Verify(envelope, registry));
        Assert.Empty(EnvelopeValidator.Validate(envelope, registry, VectorCases.Created.AddMinutes(1)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_canonical_bytes_of_a_vector_decode_to_its_fields_and_encode_back_to_themselves(string name)
    {
        var (fields, published) = Read(name);

        var decoded = EnvelopeCodec.Decode(published.Canonical);

        Assert.True(decoded.IsSuccess, string.Join("\n", decoded.Errors));
        Assert.True(JsonNode.DeepEquals(fields["envelope"], JsonNode.Parse(published.Canonical)), "the canonical bytes hold other fields than the vector");
        Assert.Equal(published.Canonical, EnvelopeCodec.Encode(decoded.Value!));
        Assert.Equal(published.Signed, EnvelopeCodec.CanonicalBytes(decoded.Value!));
    }

    [Fact]
    public void Every_vector_on_disk_is_a_case_and_every_case_is_on_disk()
    {
        if (VectorFiles.Rewrite)
            VectorFiles.WriteAll();
        var onDisk = Directory.GetFiles(VectorFiles.Directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(VectorCases.All.Select(v => v.Name).Order(StringComparer.Ordinal), onDisk);
    }

    [Fact]
    public void The_largest_legal_vector_fills_the_limit_and_one_more_byte_is_refused()
    {
        var (_, published) = Read("largest-legal");
        var envelope = EnvelopeCodec.Decode(published.Canonical).Value!;
        var body = (SitrepBody)envelope.Payload!;
        var oneMore = envelope with { Payload = body with { Outlook = body.Outlook + "x" } };

        Assert.Equal(Limits.EnvelopeBytes, published.Canonical.Length);
        Assert.Equal(Limits.EnvelopeBytes + 1, EnvelopeCodec.Encode(oneMore).Length);
        var error = Assert.Single(EnvelopeValidator.Validate(oneMore, TestData.Registry, VectorCases.Created.AddMinutes(1)));
        Assert.Equal((ErrorCodes.EncodedTooLarge, "$"), (error.Code, error.Path));
    }

    private static (JsonNode Fields, (byte[] Canonical, byte[] Signed) Published) Read(string name) =>
        (JsonNode.Parse(File.ReadAllBytes(VectorFiles.PathOf(name, ".json")))!,
         (File.ReadAllBytes(VectorFiles.PathOf(name, ".canonical.bin")), File.ReadAllBytes(VectorFiles.PathOf(name, ".signed.bin"))));
}
