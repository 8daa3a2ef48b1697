using System.Security.Cryptography;
using System.Text;

namespace Article42.Mesh.Gateway.Tests.Keys;

/// <summary>
/// A fetched message carries the signed document the mesh stored (issue #18): the gateway hands the application the
/// envelope those bytes decode to and verifies the signature over them, without encoding the envelope again. The codec
/// is counted process-wide, so these tests run alone (no other class in parallel).
/// </summary>
[Collection(nameof(ReceivedDocumentTests))]
[CollectionDefinition(nameof(ReceivedDocumentTests), DisableParallelization = true)]
public sealed class ReceivedDocumentTests : IDisposable
{
    private readonly ECDsa _operatorKey = ParticipantKeys.Generate();
    private readonly HeldRegistry _held;
    private readonly SignedDocument _document = SignedDocuments.Sign(Messages.Draft("FR", ["DE"]), KeyedRegistry.KeyOf("FR"));
    private readonly string _keyId = KeyId.OfSubjectPublicKeyInfo(KeyedRegistry.KeyOf("FR").ExportSubjectPublicKeyInfo());

    public ReceivedDocumentTests()
    {
        _held = new HeldRegistry(_operatorKey);
        var registry = KeyedRegistry.Registry;
        var signed = RegistryDocuments.Sign(registry.Next(registry.Participants, DateTimeOffset.UtcNow).ToDocument(), _operatorKey);
        Assert.Null(_held.Apply(RegistryDocuments.Encode(signed)));
    }

    [Fact]
    public void A_received_document_is_verified_over_its_bytes_with_one_strict_decode_and_no_encode()
    {
        var message = Fetched(_document.Envelope, _document.Bytes);
        using var codec = new CodecCounts();

        var (opened, intact) = ReceivedDocuments.Open(message);
        var rejection = _held.Judge(opened, intact);

        Assert.Null(rejection);
        Assert.Equal((Encodes: 0L, Decodes: 1L), (codec.Encodes, codec.Decodes));
    }

    [Fact]
    public void The_application_is_handed_the_envelope_the_bytes_hold_not_the_copy_beside_them()
    {
        var message = Fetched(_document.Envelope with { MsgId = Guid.NewGuid().ToString() }, _document.Bytes);

        var (opened, intact) = ReceivedDocuments.Open(message);

        Assert.Equal(_document.Envelope.MsgId, opened.Envelope.MsgId);
        Assert.Null(_held.Judge(opened, intact));
    }

    [Fact]
    public void Bytes_altered_after_signing_are_SignatureInvalid_though_the_envelope_beside_them_is_intact()
    {
        var altered = Altered(_document.Bytes, _document.Envelope.MsgId);
        var (opened, intact) = ReceivedDocuments.Open(Fetched(_document.Envelope, altered));

        Assert.True(intact, "the altered bytes still decode strictly");
        Assert.Equal(ReceivedRejection.SignatureInvalid, _held.Judge(opened, intact));
    }

    [Fact]
    public void Bytes_that_do_not_decode_are_SignatureInvalid_though_their_signed_prefix_is_intact()
    {
        var (opened, intact) = ReceivedDocuments.Open(Fetched(_document.Envelope, _document.Bytes[..^1]));

        Assert.False(intact);
        Assert.Equal(ReceivedRejection.SignatureInvalid, _held.Judge(opened, intact));
    }

    public void Dispose()
    {
        _held.Dispose();
        _operatorKey.Dispose();
    }

    private InboxMessage Fetched(Envelope envelope, byte[] document) =>
        new(1, Precedence.Routine, envelope, KeyId: _keyId, AcceptanceSequence: 1, Document: document);

    /// <summary>The document with the first character of its message id changed: still a canonical document, no longer the one signed.</summary>
    private static byte[] Altered(byte[] document, string messageId)
    {
        var bytes = document.ToArray();
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(messageId));
        Assert.True(at >= 0, "the message id is in the document");
        bytes[at] = (byte)(bytes[at] == '0' ? '1' : '0');
        return bytes;
    }
}
