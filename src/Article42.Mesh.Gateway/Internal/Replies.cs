namespace Article42.Mesh.Gateway;

/// <summary>
/// The signed answers a gateway sends about a message it received (docs/design/domain.md §8.5a), and the ones it receives about
/// what it sent, as typed events.
/// </summary>
internal static class Replies
{
    /// <summary>True when the originator asked this recipient for a RECEIPT (RN), explicitly or by the kind's default.</summary>
    public static bool WantsReceipt(Envelope envelope) => AckDefaults.Effective(envelope).Contains(AckType.Rn);

    /// <summary>A RECEIPT for <paramref name="original"/>, from <paramref name="participant"/> to its sender, in the same mode.</summary>
    public static Envelope Receipt(Envelope original, string participant, string? authority, DateTimeOffset now) =>
        Reply(original, participant, MessageKind.Receipt, now) with
        {
            Payload = new ReceiptBody { ReceivedAt = UtcMillisecondsConverter.Normalize(now), Authority = authority },
        };

    /// <summary>An ACTION_ACK answering the tasking <paramref name="original"/>.</summary>
    public static Envelope ActionAck(Envelope original, string participant, ActionResponse response, string? remarks, DateTimeOffset now) =>
        Reply(original, participant, MessageKind.ActionAck, now) with
        {
            Payload = new ActionAckBody { Response = response, Remarks = remarks },
        };

    /// <summary>The typed event an acknowledgement message stands for, or null for any other kind of message.</summary>
    public static MeshEvent? AsEvent(Envelope envelope) => envelope.Payload switch
    {
        ReceiptBody => new ReceiptReceived(envelope.InReplyTo ?? "", envelope.From, envelope.CreatedAt, envelope),
        NonReceiptBody body => new NonReceiptReceived(envelope.InReplyTo ?? "", envelope.From, body.Reason, envelope.CreatedAt, envelope),
        ActionAckBody body => new ActionAcknowledged(envelope.InReplyTo ?? "", envelope.From, body.Response, body.Remarks, envelope.CreatedAt, envelope),
        _ => null,
    };

    // Exercise traffic stays exercise traffic end to end: the answer carries the original's mode, exercise and activation.
    private static Envelope Reply(Envelope original, string participant, MessageKind kind, DateTimeOffset now) =>
        EnvelopeSkeleton.Build(new SkeletonRequest(kind, participant, [original.From], [],
            ActivationId: original.ActivationId, Mode: original.Mode, ExerciseId: original.ExerciseId, InReplyTo: original.MsgId), now);
}
