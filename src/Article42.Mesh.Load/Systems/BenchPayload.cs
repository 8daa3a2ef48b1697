namespace Article42.Mesh.Load.Systems;

/// <summary>
/// The message every run sends: a SITREP whose situation text has <c>textBytes</c> characters, asking only for the
/// delivery report (so no precedence brings a RECEIPT back and every message costs the same). The raw twin carries
/// opaque bytes as long as this envelope once signed and encoded (<see cref="EnvelopeBytes"/>). In drill mode (what
/// <c>a42 bench</c> sends) every envelope carries the skeleton's drill marking: mode, exercise id and handling mark.
/// </summary>
public sealed class BenchPayload
{
    private readonly Envelope _sample;

    private BenchPayload(SitrepBody body, Envelope sample, int envelopeBytes)
    {
        Body = body;
        _sample = sample;
        EnvelopeBytes = envelopeBytes;
        RawBytes = new byte[envelopeBytes];
        Random.Shared.NextBytes(RawBytes);
    }

    public SitrepBody Body { get; }

    /// <summary>Length of a signed benchmark envelope in the protocol's JSON.</summary>
    public int EnvelopeBytes { get; }

    /// <summary>What the raw twin sends instead: as many bytes as the signed envelope.</summary>
    public byte[] RawBytes { get; }

    public static BenchPayload Create(int textBytes, MessageMode mode = MessageMode.Operation)
    {
        var now = DateTimeOffset.UtcNow;
        var body = new SitrepBody
        {
            SitrepNo = 1,
            PeriodFrom = UtcMillisecondsConverter.Normalize(now.AddHours(-1)),
            PeriodTo = UtcMillisecondsConverter.Normalize(now),
            Situation = new string('x', Math.Max(1, textBytes)),
        };
        using var key = ParticipantKeys.Generate();
        var draft = EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, "FR", ["DE"], []) { Mode = mode }, now);
        var sample = With(draft, draft, body, draft.MsgId, Precedence.Routine);
        return new BenchPayload(body, sample, EnvelopeCodec.Encode(EnvelopeSignatures.Sign(sample, key)).Length);
    }

    /// <summary>The benchmark envelope from a drafted skeleton: id, precedence, the fixed body, the mode's marking, DR only.</summary>
    public Envelope Apply(Envelope draft, string messageId, Precedence precedence) => With(draft, _sample, Body, messageId, precedence);

    private static Envelope With(Envelope draft, Envelope sample, SitrepBody body, string messageId, Precedence precedence) => draft with
    {
        Mode = sample.Mode,
        ExerciseId = sample.ExerciseId,
        Handling = sample.Handling,
        MsgId = messageId,
        PrecedenceAction = precedence,
        AckRequest = ImmutableArray.Create(AckType.Dr),
        Payload = body,
    };
}
