namespace Article42.Mesh.Protocol.Tests;

public sealed class ValidationTests
{
    private static readonly Dictionary<string, (Func<Envelope> Make, string Code, string Path)> Rules = new()
    {
        ["msg id not a ULID"] = (() => Sitrep() with { MsgId = "msg-1" }, ErrorCodes.BadMessageId, "$.msg_id"),
        ["msg id missing"] = (() => Sitrep() with { MsgId = "" }, ErrorCodes.MissingValue, "$.msg_id"),
        ["schema version not accepted"] = (() => Sitrep() with { SchemaVersion = "9.0.0" }, ErrorCodes.UnsupportedSchemaVersion, "$.schema_version"),
        ["sender unknown"] = (() => Sitrep() with { From = "XX", Label = SecurityLabel.Unclassified }, ErrorCodes.UnknownParticipant, "$.from"),
        ["sender id malformed"] = (() => Sitrep() with { From = "fr", Label = SecurityLabel.Unclassified }, ErrorCodes.BadParticipantId, "$.from"),
        ["no action addressee"] = (() => Sitrep() with { ToAction = [] }, ErrorCodes.NoActionAddressee, "$.to_action"),
        ["addressee unknown"] = (() => Sitrep() with { ToAction = ["DE", "XX"] }, ErrorCodes.UnknownParticipant, "$.to_action[1]"),
        ["info addressee unknown"] = (() => Sitrep() with { ToInfo = ["GR"] }, ErrorCodes.UnknownParticipant, "$.to_info[0]"),
        ["addressed to self"] = (() => Sitrep() with { ToAction = ["DE", "FR"] }, ErrorCodes.AddressedToSelf, "$.to_action[1]"),
        ["info precedence above action"] = (() => Sitrep() with { ToInfo = ["IT"], PrecedenceInfo = Precedence.Flash }, ErrorCodes.InfoAboveAction, "$.precedence_info"),
        ["undefined precedence"] = (() => Sitrep() with { PrecedenceAction = (Precedence)9 }, ErrorCodes.UndefinedValue, "$.precedence_action"),
        ["expiry before creation"] = (() => Sitrep() with { ExpiresAt = TestData.Now.AddSeconds(-1) }, ErrorCodes.TimeOrder, "$.expires_at"),
        ["reply-by before creation"] = (() => Sitrep() with { ReplyBy = TestData.Now }, ErrorCodes.TimeOrder, "$.reply_by"),
        ["created more than 5 minutes ahead"] = (() => Sitrep() with { CreatedAt = TestData.Now.AddMinutes(5).AddSeconds(1) }, ErrorCodes.CreatedInFuture, "$.created_at"),
        ["body of another kind"] = (() => Sitrep() with { Payload = new RfiBody { Question = "Why?" } }, ErrorCodes.BodyKindMismatch, "$.payload"),
        ["no payload"] = (() => Sitrep() with { Payload = null }, ErrorCodes.MissingValue, "$.payload"),
        ["exercise without exercise id"] = (() => Sitrep() with { Mode = MessageMode.Exercise, Handling = ["EXERCISE"] }, ErrorCodes.ExerciseMarking, "$.exercise_id"),
        ["exercise without EXERCISE mark"] = (() => Sitrep() with { Mode = MessageMode.Exercise, ExerciseId = "EX-1" }, ErrorCodes.ExerciseMarking, "$.handling"),
        ["operation marked EXERCISE"] = (() => Sitrep() with { Handling = ["EXERCISE"] }, ErrorCodes.ExerciseMarking, "$.handling"),
        ["operation naming an exercise"] = (() => Sitrep() with { ExerciseId = "EX-1" }, ErrorCodes.ExerciseMarking, "$.exercise_id"),
        ["exercise control in operation mode"] = (() => TestData.Valid(MessageKind.Startex, "EXCON") with { Mode = MessageMode.Operation, ExerciseId = null, Handling = [] }, ErrorCodes.ExerciseMarking, "$.mode"),
        ["EXCON sending operation traffic"] = (() => Sitrep() with { From = "EXCON", Label = SecurityLabel.Unclassified }, ErrorCodes.ExerciseMarking, "$.from"),
        ["EXCON receiving operation traffic"] = (() => Sitrep() with { ToAction = ["EXCON"] }, ErrorCodes.ExerciseMarking, "$.to_action[0]"),
        ["text too long"] = (() => Sitrep() with { Payload = ((SitrepBody)Sitrep().Payload!) with { Situation = new string('x', Limits.LongText + 1) } }, ErrorCodes.TextTooLong, "$.payload.situation"),
        ["too many topics"] = (() => Sitrep() with { Topics = [.. Enumerable.Repeat("AIR", Limits.ListItems + 1)] }, ErrorCodes.TooManyItems, "$.topics"),
        ["label policy unknown"] = (() => Sitrep() with { Label = Sitrep().Label with { Policy = "UN" } }, ErrorCodes.BadLabel, "$.label.policy"),
        ["label level undefined"] = (() => Sitrep() with { Label = Sitrep().Label with { Level = (Classification)7 } }, ErrorCodes.UndefinedValue, "$.label.level"),
        ["released to an unknown participant"] = (() => Sitrep() with { Label = Sitrep().Label with { ReleasableTo = ["XX"] } }, ErrorCodes.UnknownParticipant, "$.label.releasable_to[0]"),
        ["ack request listed twice"] = (() => Sitrep() with { AckRequest = [AckType.Dr, AckType.Dr] }, ErrorCodes.BadAckRequest, "$.ack_request"),
        ["activation id malformed"] = (() => Sitrep() with { ActivationId = "A42-26-1" }, ErrorCodes.BadActivationId, "$.activation_id"),
        ["activation kind without activation"] = (() => TestData.Valid(MessageKind.Invocation, "FR", "ALL-MS") with { ActivationId = null }, ErrorCodes.MissingValue, "$.activation_id"),
        ["handling mark not a token"] = (() => Sitrep() with { Handling = ["NO DUFF!"] }, ErrorCodes.BadToken, "$.handling[0]"),
        ["reply kind without in_reply_to"] = (() => TestData.Valid(MessageKind.Receipt) with { InReplyTo = null }, ErrorCodes.ReplyRequired, "$.in_reply_to"),
        ["reference not a ULID"] = (() => Sitrep() with { References = ["MSG-1"] }, ErrorCodes.BadMessageId, "$.references[0]"),
        ["RFA without lines"] = (() => TestData.Valid(MessageKind.Rfa, "FR", "ALL-MS") with { Payload = new RfaBody { RfaId = "RFA-1" } }, ErrorCodes.BodyMissingValue, "$.payload.lines"),
        ["RFA line with a bad category"] = (() => Rfa(line => line with { CategoryCode = "TANKS" }), ErrorCodes.BodyBadCategory, "$.payload.lines[0].category_code"),
        ["RFA line quantity zero"] = (() => Rfa(line => line with { Quantity = 0 }), ErrorCodes.BodyOutOfRange, "$.payload.lines[0].quantity"),
    };

    public static TheoryData<string> RuleNames() => [.. Rules.Keys];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Each_broken_rule_is_reported_with_its_code_and_path(string rule)
    {
        var (make, code, path) = Rules[rule];
        var errors = TestData.Validate(make());
        Assert.Contains(errors, e => e.Code == code && e.Path == path);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Every_broken_rule_of_one_envelope_is_reported_not_only_the_first()
    {
        var envelope = Sitrep() with { MsgId = "x", ToAction = ["XX"], ExpiresAt = TestData.Now.AddDays(-1), Topics = ["bad topic"] };
        var codes = TestData.Validate(envelope).Select(e => e.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { ErrorCodes.BadMessageId, ErrorCodes.UnknownParticipant, ErrorCodes.TimeOrder, ErrorCodes.BadToken }, codes);
    }

    [Fact]
    public void Created_up_to_five_minutes_ahead_of_the_mesh_clock_is_accepted() =>
        Assert.Empty(TestData.Validate(Sitrep() with { CreatedAt = TestData.Now.AddMinutes(5) }));

    [Fact]
    public void More_recipients_after_group_expansion_than_the_limit_is_refused()
    {
        var many = Enumerable.Range(0, Limits.Recipients + 1).Select(i => new Participant { Id = $"MS{i:D2}", Name = $"State {i}", Kind = ParticipantKind.MemberState, AccreditationMax = Classification.SecretUe });
        var registry = new ParticipantRegistry(many.Append(new Participant { Id = "FR", Name = "France", Kind = ParticipantKind.MemberState }));
        var envelope = Sitrep() with { ToAction = [ParticipantGroups.AllMemberStates] };
        var errors = EnvelopeValidator.Validate(envelope, registry, TestData.Now);
        Assert.Contains(errors, e => e is { Code: ErrorCodes.TooManyRecipients, Path: "$.to_action" });
    }

    [Fact]
    public void Validation_takes_the_configured_registry_not_a_built_in_list()
    {
        var registry = new ParticipantRegistry([new Participant { Id = "FR", Name = "France" }, new Participant { Id = "NO", Name = "Norway" }]);
        var envelope = Sitrep() with { ToAction = ["NO"] };
        Assert.Empty(EnvelopeValidator.Validate(envelope, registry, TestData.Now));
        Assert.Contains(TestData.Validate(envelope), e => e.Code == ErrorCodes.UnknownParticipant);
    }

    private static Envelope Sitrep() => TestData.Valid(MessageKind.Sitrep, "FR", "DE");

    private static Envelope Rfa(Func<RfaLine, RfaLine> change)
    {
        var envelope = TestData.Valid(MessageKind.Rfa, "FR", "ALL-MS");
        var body = (RfaBody)envelope.Payload!;
        return envelope with { Payload = body with { Lines = [change(body.Lines[0])] } };
    }
}
