namespace Article42.Mesh.Protocol;

/// <summary>
/// Builds a skeleton envelope of a kind: a new id, the kind's default precedences and a template body, marked
/// and scoped the way the rules require, so that it validates as soon as its addressees do.
/// </summary>
public static class EnvelopeSkeleton
{
    /// <summary>The exercise id a training skeleton carries unless told otherwise.</summary>
    public const string DefaultExerciseId = "EX-1";

    /// <summary>Stands in for the answered message of a reply kind until the caller names it.</summary>
    public const string PlaceholderReplyTo = "00000000000000000000000000";

    /// <summary>A skeleton of the requested kind, created at <paramref name="now"/>; <paramref name="fillRandom"/>, when given, fills the random part of its message id.</summary>
    public static Envelope Build(SkeletonRequest request, DateTimeOffset now, Action<Span<byte>>? fillRandom = null)
    {
        var info = MessageCatalogue.Of(request.Kind);
        var mode = request.Mode ?? (info.Family == MessageFamily.ExerciseControl ? MessageMode.Exercise : MessageMode.Operation);
        var training = mode is MessageMode.Exercise or MessageMode.Drill;
        var action = request.Precedence ?? info.DefaultPrecedence;
        var created = UtcMillisecondsConverter.Normalize(now);
        return new Envelope
        {
            MsgId = Ulid.New(created, fillRandom),
            Kind = request.Kind,
            Mode = mode,
            ActivationId = request.ActivationId ?? (info.Activation == ActivationScope.Required ? $"A42-{created.Year}-0001" : null),
            ExerciseId = training ? request.ExerciseId ?? DefaultExerciseId : request.ExerciseId,
            From = request.From,
            ToAction = request.ToAction,
            ToInfo = request.ToInfo,
            PrecedenceAction = action,
            PrecedenceInfo = request.ToInfo.IsDefaultOrEmpty ? null : request.InfoPrecedence ?? Min(info.DefaultInfoPrecedence, action),
            CreatedAt = created,
            Label = new SecurityLabel { Level = request.Label, ReleasableTo = request.ReleasableTo.IsDefault ? [] : request.ReleasableTo, Originator = request.From },
            Handling = training ? [EnvelopeValidator.ExerciseHandlingMark] : [],
            InReplyTo = request.InReplyTo ?? (info.IsReply ? PlaceholderReplyTo : null),
            Payload = BodySkeletons.For(request.Kind, created),
        };
    }

    private static Precedence Min(Precedence a, Precedence b) => a < b ? a : b;
}
