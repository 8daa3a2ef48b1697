namespace Article42.Mesh.Protocol;

/// <summary>What the catalogue says of one kind: its body type, family, default precedences and acknowledgements.</summary>
public sealed record KindInfo(
    MessageKind Kind,
    Type BodyType,
    MessageFamily Family,
    Precedence DefaultPrecedence,
    Precedence DefaultInfoPrecedence,
    ImmutableArray<AckType> DefaultAcks,
    ActivationScope Activation,
    bool MeshOnly)
{
    /// <summary>Kinds that answer another message and so must name it in <c>in_reply_to</c>.</summary>
    public bool IsReply => Kind is MessageKind.Receipt or MessageKind.NonReceipt or MessageKind.ActionAck
        or MessageKind.RfiResponse or MessageKind.RollCallResponse;
}
