using System.Text;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Submit version 2 (issue #18) as a hostile or clumsy gateway uses it: no bytes, too many bytes, bytes that are not
/// JSON, the right envelope spelled otherwise, a signature over other bytes. Each is refused with its code, nothing is
/// stored, and the mesh goes on serving; a canonical document is stored as the very bytes that were sent.
/// </summary>
public sealed class SignedSubmitHostileTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    private const string Sender = "AT";
    private const string Recipient = "SE";

    public static TheoryData<string, string> Hostile => new()
    {
        { "no bytes", ErrorCodes.MalformedJson },
        { "one byte over the limit", ErrorCodes.EncodedTooLarge },
        { "not JSON", ErrorCodes.MalformedJson },
        { "valid JSON, not canonical", ErrorCodes.NotCanonical },
        { "a signature over other bytes", ErrorCodes.SignatureInvalid },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_bytes_are_refused_with_their_code_and_nothing_is_stored(string hostile, string code)
    {
        var envelope = Envelope();
        var document = Document(hostile, envelope);
        var version = await mesh.Journal.GetVersionAsync(JournalStream.OfParticipant(Sender));

        var outcome = await mesh.Gateway(Sender).SubmitSignedAsync(document);

        Assert.Null(outcome.Receipt);
        Assert.Equal(code, Assert.Single(outcome.Errors).Code);
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(envelope.MsgId));
        Assert.Equal(version, await mesh.Journal.GetVersionAsync(JournalStream.OfParticipant(Sender)));
        await mesh.AssertFranceReachesGermanyAsync();
    }

    [Fact]
    public async Task A_canonical_document_is_stored_as_the_bytes_sent_and_delivered()
    {
        var document = SignedDocuments.Sign(Envelope(), TestKeys.KeyOf(Sender));

        var outcome = await mesh.Gateway(Sender).SubmitSignedAsync(document.Bytes);

        Assert.True(outcome.Receipt is not null, string.Join("\n", outcome.Errors));
        var accepted = Assert.Single(await mesh.Journal.FindByMessageIdAsync(document.Envelope.MsgId), e => e.Type == EntryTypes.Accepted);
        Assert.Equal(document.Bytes, accepted.Payload);
        var recipient = mesh.Gateway(Recipient);
        await recipient.OpenAsync();
        await Deadline.UntilAsync(async () => (await recipient.FetchAsync(max: 10)).Any(m => m.Envelope.MsgId == document.Envelope.MsgId),
            TimeSpan.FromSeconds(30), "the message submitted as bytes in the recipient's inbox");
    }

    private static Envelope Envelope() => TestKeys.Signed(Sender, [Recipient]) with { Signature = null };

    private static byte[] Document(string hostile, Envelope envelope)
    {
        var signed = SignedDocuments.Sign(envelope, TestKeys.KeyOf(Sender));
        return hostile switch
        {
            "no bytes" => [],
            "one byte over the limit" => new byte[Limits.EnvelopeBytes + 1],
            "not JSON" => "SITREP: all quiet"u8.ToArray(),
            // The same envelope, indented: it decodes to exactly the signed envelope, but is not the form that was signed.
            "valid JSON, not canonical" => Encoding.UTF8.GetBytes(EnvelopeCodec.EncodeIndented(signed.Envelope)),
            // The signature of another message (other text, same id) on this one's bytes.
            "a signature over other bytes" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed.Bytes).Replace(signed.Envelope.Signature!,
                SignedDocuments.Sign(envelope with { Payload = ((SitrepBody)envelope.Payload!) with { Situation = "another text" } }, TestKeys.KeyOf(Sender)).Envelope.Signature!, StringComparison.Ordinal)),
            _ => throw new ArgumentOutOfRangeException(nameof(hostile), hostile, "no such case"),
        };
    }
}
