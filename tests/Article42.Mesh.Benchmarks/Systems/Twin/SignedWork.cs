using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>
/// The crypto twin's work, what no design of the mesh can avoid (issue #18): the sending gateway drafts the benchmark's
/// envelope, signs it (ECDSA P-256) and encodes it; the silo decodes those bytes strictly once at its edge and verifies
/// the signature with its participant's public key, imported once and cached; the receiving gateway decodes the bytes
/// for its application. Nothing else: no journal, no re-encoding, no second decode.
/// </summary>
internal sealed class SignedWork : ITwinWork, IDisposable
{
    private readonly BenchPayload _payload;
    private readonly Dictionary<string, ECDsa> _privateKeys;
    private readonly Dictionary<string, string> _publicKeys;
    private readonly ConcurrentDictionary<string, ECDsa> _verifyingKeys = new(StringComparer.Ordinal);

    public SignedWork(BenchPayload payload, IReadOnlyList<string> participants)
    {
        _payload = payload;
        _privateKeys = participants.ToDictionary(p => p, _ => ParticipantKeys.Generate(), StringComparer.Ordinal);
        _publicKeys = _privateKeys.ToDictionary(p => p.Key, p => ParticipantKeys.PublicKeyOf(p.Value), StringComparer.Ordinal);
    }

    public string Kind => "crypto";

    public byte[] Seal(string from, string messageId, IReadOnlyList<string> to, Precedence precedence)
    {
        var draft = EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, from, [.. to], []), DateTimeOffset.UtcNow);
        return EnvelopeCodec.Encode(EnvelopeSignatures.Sign(_payload.Apply(draft, messageId, precedence), _privateKeys[from]));
    }

    public void Admit(string participant, byte[] bytes)
    {
        var envelope = Decode(bytes);
        // Each participant's key is used only on its own grain's turns, one at a time, so one instance per key is safe.
        var key = _verifyingKeys.GetOrAdd(participant, p => ParticipantKeys.ImportPublicKey(_publicKeys[p])!);
        var signature = Convert.FromBase64String(envelope.Signature!);
        if (envelope.From != participant
            || !key.VerifyData(EnvelopeCodec.CanonicalBytes(envelope), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            throw new InvalidOperationException($"crypto twin: message {envelope.MsgId} is not signed by {participant}");
    }

    public void Open(byte[] bytes) => Decode(bytes);

    private static Envelope Decode(byte[] bytes) =>
        EnvelopeCodec.Decode(bytes) is { IsSuccess: true, Value: { } envelope }
            ? envelope
            : throw new InvalidOperationException("crypto twin: the bytes are not an envelope");

    public void Dispose()
    {
        foreach (var key in _privateKeys.Values.Concat(_verifyingKeys.Values))
            key.Dispose();
    }
}
