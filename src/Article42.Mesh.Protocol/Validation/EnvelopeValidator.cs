using System.Text.RegularExpressions;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The envelope rules as a pure function of (envelope, registry, now): every broken rule is returned, each
/// with its stable code, the JSON path of the field and a sentence. An empty result means valid.
/// </summary>
public static partial class EnvelopeValidator
{
    /// <summary>How far <c>created_at</c> may lie in the future by the mesh's clock (docs/design/domain.md §8.5a).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The handling mark training traffic carries, and real traffic must not.</summary>
    public const string ExerciseHandlingMark = "EXERCISE";

    /// <summary>Every rule <paramref name="envelope"/> breaks against <paramref name="registry"/> at <paramref name="now"/>; empty when it is valid.</summary>
    public static ImmutableArray<MeshError> Validate(Envelope envelope, ParticipantRegistry registry, DateTimeOffset now) =>
        Validate(envelope, registry, now, canonicalLength: null);

    /// <summary>
    /// <see cref="Validate(Envelope, ParticipantRegistry, DateTimeOffset)"/> for an envelope whose canonical bytes are
    /// already at hand (<see cref="SignedDocument"/>): the size limit counts the length of those bytes instead of
    /// encoding the envelope again (issue #18).
    /// </summary>
    public static ImmutableArray<MeshError> Validate(SignedDocument document, ParticipantRegistry registry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Validate(document.Envelope, registry, now, document.Bytes.Length);
    }

    private static ImmutableArray<MeshError> Validate(Envelope envelope, ParticipantRegistry registry, DateTimeOffset now, int? canonicalLength)
    {
        var context = new ValidationContext(registry, now);
        CheckIdentity(envelope, context);
        EnvelopeAddressing.Check(envelope, context);
        CheckTimes(envelope, context);
        CheckThreading(envelope, context);
        CheckExerciseMarking(envelope, context);
        LabelRules.Check(envelope.Label, "$.label", context);
        CheckPayload(envelope, context);
        if (context.Errors.Count == 0 && canonicalLength is { } length)
            CheckSize(length, envelope, context);
        else if (context.Errors.Count == 0)
            CheckEncodedSize(envelope, context);
        return [.. context.Errors];
    }

    /// <summary>
    /// The size limit applies to the canonical bytes of the envelope's schema version, which are the bytes the mesh
    /// stores. Under 1.0.0 escapes (<c>&lt;</c>, <c>&amp;</c>, <c>+</c> and non-ASCII as <c>\uXXXX</c>) make them up to six
    /// times the text; from 1.1.0 a character costs its UTF-8 bytes, and only control characters, <c>"</c> and <c>\</c> more.
    /// </summary>
    private static void CheckEncodedSize(Envelope envelope, ValidationContext context)
    {
        if (EnvelopeCodec.TryEncode(envelope) is not { } bytes)
            context.Add(ErrorCodes.ForbiddenCharacter, "$", "a text holds a lone surrogate (half of a UTF-16 pair), which has no UTF-8 form");
        else
            CheckSize(bytes.Length, envelope, context);
    }

    private static void CheckSize(int length, Envelope envelope, ValidationContext context)
    {
        if (length > Limits.EnvelopeBytes)
            context.Add(ErrorCodes.EncodedTooLarge, "$", $"the envelope encodes to {length} bytes in the canonical form of schema version {ValidationContext.Truncate(envelope.SchemaVersion)}, more than the limit of {Limits.EnvelopeBytes}");
    }

    private static void CheckIdentity(Envelope envelope, ValidationContext context)
    {
        if (string.IsNullOrEmpty(envelope.MsgId))
            context.Add(ErrorCodes.MissingValue, "$.msg_id", "a message id is required");
        else
            context.MessageReference(envelope.MsgId, "$.msg_id");
        context.Defined<MessageKind>(envelope.Kind, "$.kind");
        context.Defined<MessageMode>(envelope.Mode, "$.mode");
        if (!SchemaVersions.Accepted.Contains(envelope.SchemaVersion))
            context.Add(ErrorCodes.UnsupportedSchemaVersion, "$.schema_version",
                $"schema version '{ValidationContext.Truncate(envelope.SchemaVersion)}' is not accepted (accepted: {string.Join(", ", SchemaVersions.Accepted)})");
        context.OptionalText(envelope.ReleasedBy, "$.released_by");
        context.OptionalText(envelope.OriginatorRef, "$.originator_ref", Limits.ShortText);
        context.Items(envelope.Handling, "$.handling", context.Token);
        context.Items(envelope.Topics, "$.topics", context.Token);
        CheckActivation(envelope, context);
    }

    private static void CheckActivation(Envelope envelope, ValidationContext context)
    {
        if (envelope.ActivationId is { } id)
        {
            if (!ActivationIdPattern().IsMatch(id))
                context.Add(ErrorCodes.BadActivationId, "$.activation_id", $"'{ValidationContext.Truncate(id)}' is not an activation id (A42-YYYY-NNNN)");
        }
        else if (MessageCatalogue.IsDefined(envelope.Kind) && MessageCatalogue.Of(envelope.Kind).Activation == ActivationScope.Required)
        {
            context.Add(ErrorCodes.MissingValue, "$.activation_id", $"{EnvelopeCodec.KindName(envelope.Kind)} belongs to an activation and must name it");
        }
    }

    private static void CheckTimes(Envelope envelope, ValidationContext context)
    {
        if (envelope.CreatedAt == default)
            context.Add(ErrorCodes.MissingValue, "$.created_at", "a creation time is required");
        else if (envelope.CreatedAt > context.Now + MaxClockSkew)
            context.Add(ErrorCodes.CreatedInFuture, "$.created_at",
                $"created_at is {(envelope.CreatedAt - context.Now).TotalMinutes:F0} minutes ahead of the mesh clock (at most {MaxClockSkew.TotalMinutes:F0} allowed)");
        if (envelope.ExpiresAt is { } expires && expires <= envelope.CreatedAt)
            context.Add(ErrorCodes.TimeOrder, "$.expires_at", "expires_at must be after created_at");
        if (envelope.ReplyBy is { } replyBy && replyBy <= envelope.CreatedAt)
            context.Add(ErrorCodes.TimeOrder, "$.reply_by", "reply_by must be after created_at");
        if (envelope.ReleasedAt is { } released && released < envelope.CreatedAt)
            context.Add(ErrorCodes.TimeOrder, "$.released_at", "released_at must not be before created_at");
    }

    private static void CheckThreading(Envelope envelope, ValidationContext context)
    {
        context.MessageReference(envelope.InReplyTo, "$.in_reply_to");
        context.Items(envelope.References, "$.references", context.MessageReference);
        if (envelope.InReplyTo is null && MessageCatalogue.IsDefined(envelope.Kind) && MessageCatalogue.Of(envelope.Kind).IsReply)
            context.Add(ErrorCodes.ReplyRequired, "$.in_reply_to", $"{EnvelopeCodec.KindName(envelope.Kind)} answers a message and must name it in in_reply_to");
        if (envelope.AckRequest is { } acks)
        {
            context.Items(acks, "$.ack_request", (ack, path) => context.Defined<AckType>(ack, path));
            if (acks.Distinct().Count() != acks.Length)
                context.Add(ErrorCodes.BadAckRequest, "$.ack_request", "an acknowledgement type is listed twice");
        }
    }

    private static void CheckExerciseMarking(Envelope envelope, ValidationContext context)
    {
        var marked = envelope.Handling.Contains(ExerciseHandlingMark);
        if (envelope.IsTraining)
        {
            if (string.IsNullOrEmpty(envelope.ExerciseId))
                context.Add(ErrorCodes.ExerciseMarking, "$.exercise_id", "exercise and drill traffic must name its exercise");
            else
                context.Token(envelope.ExerciseId, "$.exercise_id");
            if (!marked)
                context.Add(ErrorCodes.ExerciseMarking, "$.handling", $"exercise and drill traffic must carry the {ExerciseHandlingMark} handling mark");
            return;
        }
        if (envelope.ExerciseId is not null)
            context.Add(ErrorCodes.ExerciseMarking, "$.exercise_id", "only exercise and drill traffic names an exercise");
        if (marked)
            context.Add(ErrorCodes.ExerciseMarking, "$.handling", $"the {ExerciseHandlingMark} mark is only for exercise and drill traffic");
        if (MessageCatalogue.IsDefined(envelope.Kind) && MessageCatalogue.Of(envelope.Kind).Family == MessageFamily.ExerciseControl)
            context.Add(ErrorCodes.ExerciseMarking, "$.mode", $"{EnvelopeCodec.KindName(envelope.Kind)} is exercise control and needs mode exercise or drill");
    }

    private static void CheckPayload(Envelope envelope, ValidationContext context)
    {
        if (envelope.Payload is null)
        {
            context.Add(ErrorCodes.MissingValue, "$.payload", "a payload is required");
            return;
        }
        if (!MessageCatalogue.IsDefined(envelope.Kind))
            return;
        var expected = MessageCatalogue.Of(envelope.Kind).BodyType;
        if (envelope.Payload.GetType() != expected)
            context.Add(ErrorCodes.BodyKindMismatch, "$.payload", $"a {EnvelopeCodec.KindName(envelope.Kind)} carries a {expected.Name}, not a {envelope.Payload.GetType().Name}");
        else
            envelope.Payload.Validate(context, "$.payload");
    }

    /// <summary>True when <paramref name="activationId"/> is an activation id: <c>A42-YYYY-NNNN</c>.</summary>
    public static bool IsActivationId(string? activationId) => activationId is not null && ActivationIdPattern().IsMatch(activationId);

    [GeneratedRegex("^A42-[0-9]{4}-[0-9]{4}\\z")]
    private static partial Regex ActivationIdPattern();
}
