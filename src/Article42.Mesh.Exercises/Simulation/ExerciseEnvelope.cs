namespace Article42.Mesh.Exercises;

/// <summary>
/// Builds the unsigned envelope of exercise traffic the way the rules want it: the scenario's mode and exercise
/// id, the EXERCISE handling mark, the sender as label originator. The runner signs it with the sender's key.
/// </summary>
public static class ExerciseEnvelope
{
    /// <summary>
    /// The envelope of a planned action, its body typed on <paramref name="payloadClock"/> (which maps the
    /// payload's scenario offsets to UTC), replies named through <paramref name="messageIdOf"/> (the message id
    /// the runner gave a planned message, by its <see cref="PlannedAction.Ref"/>).
    /// </summary>
    public static Envelope Build(Scenario scenario, PlannedAction action, string msgId, DateTimeOffset createdAt,
        Func<TimeSpan, DateTimeOffset> payloadClock, Func<string, string> messageIdOf) =>
        Build(scenario, new EnvelopeParts(action.Actor, action.To, action.Info, action.Kind, action.Precedence, action.Label,
            action.ActivationId, action.InReplyToRef is { } reply ? messageIdOf(reply) : null), action.Payload.ToBody(payloadClock), msgId, createdAt)
        with
        {
            // A reminder's answer is the receipt of the message it chases, so it asks for no receipt of its own and the mesh watches none.
            AckRequest = action.Reminds is null ? null : ImmutableArray.Create(AckType.Dr),
        };

    /// <summary>An envelope from its parts.</summary>
    public static Envelope Build(Scenario scenario, EnvelopeParts parts, MessageBody body, string msgId, DateTimeOffset createdAt)
    {
        var info = MessageCatalogue.Of(parts.Kind);
        var created = UtcMillisecondsConverter.Normalize(createdAt);
        return new Envelope
        {
            MsgId = msgId,
            Kind = parts.Kind,
            Mode = scenario.Mode,
            ExerciseId = scenario.Id,
            ActivationId = parts.ActivationId,
            From = parts.From,
            ToAction = parts.To,
            ToInfo = parts.Info,
            PrecedenceAction = parts.Precedence,
            PrecedenceInfo = parts.Info.IsDefaultOrEmpty ? null : Min(info.DefaultInfoPrecedence, parts.Precedence),
            CreatedAt = created,
            InReplyTo = parts.InReplyTo,
            Label = parts.Label with { Originator = parts.Label.Originator ?? parts.From },
            Handling = [EnvelopeValidator.ExerciseHandlingMark],
            Payload = body,
        };
    }

    private static Precedence Min(Precedence a, Precedence b) => a < b ? a : b;
}
