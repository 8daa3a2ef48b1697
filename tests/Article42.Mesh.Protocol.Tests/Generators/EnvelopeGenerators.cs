using CsCheck;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>Random envelopes that obey every envelope rule against the default registry, around random valid bodies.</summary>
public static class EnvelopeGenerators
{
    private static readonly ImmutableArray<string> Senders =
        [.. ParticipantRegistry.Default.Participants.Where(p => p.Kind != ParticipantKind.ExerciseControl).Select(p => p.Id)];

    private static readonly Gen<DateTimeOffset> Created = Gen.Long[0, 365L * 24 * 3600 * 1000].Select(ms => TestData.Now.AddMilliseconds(-ms));

    private static readonly Gen<Precedence> AnyPrecedence = Gen.Enum<Precedence>();

    private static readonly Gen<ImmutableArray<string>> Topics = Gen.OneOf("AIR", "SEA", "CYBER", "HYBRID", "MED", "LOG-1").Array[0, 4].Select(t => t.ToImmutableArray());

    private static readonly Gen<string> MessageId = Gen.Long[0, 100_000].Select(n => Ulid.New(TestData.Now.AddSeconds(-n)));

    /// <summary>A random valid, unsigned envelope.</summary>
    public static readonly Gen<Envelope> Valid =
        from kind in Gen.Enum<MessageKind>()
        from sender in Gen.OneOf([.. Senders])
        from action in Gen.OneOf([.. Senders, .. ParticipantGroups.Names]).Array[1, 4]
        from info in Gen.OneOf([.. Senders]).Array[0, 3]
        from precedence in AnyPrecedence
        from infoPrecedence in AnyPrecedence
        from created in Created
        from expiresIn in Gen.Int[1, 86_400].Nullable()
        from level in Gen.Enum<Classification>()
        from releasable in Gen.OneOf([.. Senders, .. ParticipantGroups.Names]).Array[0, 3]
        from training in Gen.Bool
        from topics in Topics
        from references in MessageId.Array[0, 2]
        from acks in Gen.Enum<AckType>().Array[0, 3].Null()
        from body in BodyGenerators.For(kind)
        let info0 = MessageCatalogue.Of(kind)
        let isTraining = training || info0.Family == MessageFamily.ExerciseControl
        let toAction = action.Where(id => id != sender).DefaultIfEmpty(sender == "DE" ? "FR" : "DE").Distinct().ToImmutableArray()
        let toInfo = info.Where(id => id != sender).Distinct().ToImmutableArray()
        select new Envelope
        {
            MsgId = Ulid.New(created),
            Kind = kind,
            Mode = isTraining ? MessageMode.Exercise : MessageMode.Operation,
            ExerciseId = isTraining ? "EX-TEST" : null,
            ActivationId = info0.Activation == ActivationScope.Required ? "A42-2026-0042" : null,
            From = sender,
            ToAction = toAction,
            ToInfo = toInfo,
            PrecedenceAction = precedence,
            PrecedenceInfo = toInfo.IsEmpty ? null : infoPrecedence < precedence ? infoPrecedence : precedence,
            CreatedAt = created,
            ExpiresAt = expiresIn is { } seconds ? created.AddSeconds(seconds) : null,
            AckRequest = acks is { } a ? [.. a.Distinct()] : null,
            InReplyTo = info0.IsReply ? Ulid.New(created) : null,
            References = [.. references],
            Label = new SecurityLabel { Level = level, ReleasableTo = [.. releasable.Distinct()], Originator = sender },
            Handling = isTraining ? [EnvelopeValidator.ExerciseHandlingMark] : [],
            Topics = topics,
            Payload = body,
        };
}
