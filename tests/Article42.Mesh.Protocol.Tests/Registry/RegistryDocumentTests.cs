using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Article42.Mesh.Protocol.Tests.Registry;

/// <summary>Issue #21: a registry update is applied only when well-formed, versioned, signed by the operator key and newer.</summary>
public sealed class RegistryDocumentTests : IDisposable
{
    private readonly ECDsa _operator = ParticipantKeys.Generate();
    private readonly ECDsa _stranger = ParticipantKeys.Generate();

    public void Dispose()
    {
        _operator.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public void A_signed_newer_document_is_applied_with_its_version_and_keys()
    {
        var document = Signed(Document(version: 3), _operator);

        var verdict = RegistryDocuments.Verify(RegistryDocuments.Encode(document), _operator, appliedVersion: 2);

        Assert.Null(verdict.Error);
        Assert.Equal(3, verdict.Registry!.Version);
        Assert.Equal(KeyState.Revoked, verdict.Registry.Find("FR")!.FormerKeys.Single().State);
    }

    [Fact]
    public void Whitespace_and_member_order_of_the_file_do_not_matter_to_the_signature()
    {
        var json = RegistryDocuments.ToJson(Signed(Document(version: 1), _operator));

        Assert.Null(RegistryDocuments.Verify(Encoding.UTF8.GetBytes(json), _operator, 0).Error);
    }

    [Fact]
    public void An_unsigned_document_is_refused_as_unsigned() =>
        AssertRefused(RegistryDocuments.Encode(Document(version: 5)), ErrorCodes.RegistryUnsigned);

    [Fact]
    public void A_document_signed_by_another_key_is_refused() =>
        AssertRefused(RegistryDocuments.Encode(Signed(Document(version: 5), _stranger)), ErrorCodes.RegistrySignatureInvalid);

    [Fact]
    public void A_value_changed_after_signing_is_refused()
    {
        var node = JsonNode.Parse(RegistryDocuments.Encode(Signed(Document(version: 5), _operator)))!;
        node["participants"]![0]!["name"] = "France (forged)";

        AssertRefused(Encoding.UTF8.GetBytes(node.ToJsonString()), ErrorCodes.RegistrySignatureInvalid);
    }

    [Fact]
    public void A_signature_that_is_not_64_base64_bytes_is_refused() =>
        AssertRefused(RegistryDocuments.Encode(Document(version: 5) with { Signature = "bm90IGEgc2lnbmF0dXJl" }), ErrorCodes.RegistrySignatureInvalid);

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    public void A_version_not_above_the_applied_one_is_refused(long version) =>
        AssertRefused(RegistryDocuments.Encode(Signed(Document(version), _operator)), ErrorCodes.RegistryNotNewer, appliedVersion: 4);

    [Theory]
    [InlineData("")]
    [InlineData("{\"version\":5,\"participants\":[")]
    [InlineData("[1,2]")]
    [InlineData("{\"version\":5,\"participants\":[],\"extra\":1}")]
    [InlineData("{\"version\":\"five\",\"participants\":[]}")]
    [InlineData("{\"version\":5}")]
    public void Malformed_bytes_are_refused_as_malformed(string json) =>
        AssertRefused(Encoding.UTF8.GetBytes(json), ErrorCodes.RegistryMalformed);

    [Fact]
    public void A_document_without_a_version_is_refused_as_an_update_even_when_signed() =>
        AssertRefused(RegistryDocuments.Encode(Signed(Document(version: 5) with { Version = null }, _operator)), ErrorCodes.RegistryMalformed);

    [Fact]
    public void A_signed_document_whose_key_id_is_not_its_keys_is_refused_as_malformed()
    {
        var document = Document(version: 5);
        var fr = document.Participants[0];
        var wrong = fr with { FormerKeys = [fr.FormerKeys[0] with { Id = "k-0000000000000000" }] };

        AssertRefused(RegistryDocuments.Encode(Signed(document with { Participants = [wrong] }, _operator)), ErrorCodes.RegistryMalformed);
    }

    [Fact]
    public void A_registry_file_without_a_version_is_read_as_version_0()
    {
        var registry = ParticipantRegistry.Parse("{\"participants\":[]}"u8.ToArray(), "old file");

        Assert.Equal(0, registry.Version);
    }

    [Fact]
    public void A_new_trust_store_holds_version_1_signed_by_its_operator_key()
    {
        var directory = Directory.CreateTempSubdirectory("a42-registry-").FullName;
        try
        {
            TrustStore.Create(directory, ParticipantRegistry.Default);
            using var operatorKey = ECDsa.Create();
            operatorKey.ImportFromPem(File.ReadAllText(Path.Combine(directory, "operator.pub")));

            var verdict = RegistryDocuments.Verify(File.ReadAllBytes(Path.Combine(directory, TrustStore.RegistryFileName)), operatorKey, 0);

            Assert.Null(verdict.Error);
            Assert.Equal(1, verdict.Registry!.Version);
            Assert.Equal(1, TrustStore.Open(directory).Registry.Version);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void AssertRefused(byte[] utf8, string code, long appliedVersion = 0)
    {
        var verdict = RegistryDocuments.Verify(utf8, _operator, appliedVersion);

        Assert.Null(verdict.Registry);
        Assert.Equal(code, verdict.Error?.Code);
    }

    private static RegistryDocument Signed(RegistryDocument document, ECDsa key) => RegistryDocuments.Sign(document, key);

    private static RegistryDocument Document(long version)
    {
        using var current = ParticipantKeys.Generate();
        using var old = ParticipantKeys.Generate();
        var oldKey = ParticipantKeys.PublicKeyOf(old);
        var fr = ParticipantRegistry.Default.Find("FR")! with
        {
            PublicKey = ParticipantKeys.PublicKeyOf(current),
            FormerKeys = [new ParticipantKey { Id = KeyId.Of(oldKey), PublicKey = oldKey, State = KeyState.Revoked }],
        };
        return new RegistryDocument { Version = version, IssuedAt = DateTimeOffset.UnixEpoch.AddDays(20000), Participants = [fr, ParticipantRegistry.Default.Find("DE")!] };
    }
}
