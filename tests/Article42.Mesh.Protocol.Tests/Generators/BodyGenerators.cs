using CsCheck;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// Random bodies of every kind that pass their own validation against the default registry: texts with quotes,
/// backslashes, control characters, non-ASCII and emoji; UTC times at whole milliseconds; every enum value.
/// Sizes stay well inside <see cref="Limits.EnvelopeBytes"/>, so an envelope around any body can be encoded.
/// </summary>
public static class BodyGenerators
{
    /// <summary>A random valid body of <paramref name="kind"/>.</summary>
    public static Gen<MessageBody> For(MessageKind kind) => kind switch
    {
        MessageKind.Invocation => Invocation,
        MessageKind.InvocationAck => Body(Gen.Select(Time, Line, Line.Null(), (t, a, p) => new InvocationAckBody { ReceiptTime = t, AcknowledgingAuthority = a, NationalPoc = p })),
        MessageKind.SolidarityStatement => Body(Gen.Select(Gen.Enum<SolidarityPosition>(), Long, Gen.Bool, (p, t, n) => new SolidarityStatementBody { Position = p, Text = t, NeutralityCaveat = n })),
        MessageKind.Sitrep => Sitrep,
        MessageKind.IncidentReport => Body(Gen.Select(Time, Line, Gen.Enum<IncidentType>(), Long, Categories, (t, l, i, e, n) =>
            new IncidentReportBody { EventTime = t, Location = l, IncidentType = i, Effects = e, ImmediateNeeds = n })),
        MessageKind.Rfa => Body(Gen.Select(Token, RfaLines, Time.Nullable(), Line.Null(), Gen.Enum<CoordinationChannel>().Nullable(), (id, lines, d, poc, via) =>
            new RfaBody { RfaId = id, Lines = lines, OfferDeadline = d, Poc = poc, CoordinationVia = via })),
        MessageKind.RfaAmend => Body(Gen.Select(Token, RfaLines, Long, (id, lines, r) => new RfaAmendBody { RfaId = id, Lines = lines, Reason = r })),
        MessageKind.RfaCancel => Body(Gen.Select(Token, List(Token, 0, 5), Long, (id, lines, r) => new RfaCancelBody { RfaId = id, LineIds = lines, Reason = r })),
        MessageKind.Offer => Offer,
        MessageKind.OfferDecision => OfferDecision,
        MessageKind.Commitment => Body(Gen.Select(Token, Short.Null(), Gen.Int[0, BodyChecks.MaxNoticeHours].Nullable(), Time.Nullable(), Gen.Long[0, 30L * 86_400_000].Nullable(), Gen.Enum<CommandArrangement>().Nullable(),
            (id, approval, ntm, etd, travel, command) => new CommitmentBody
            {
                OfferId = id,
                ApprovalRef = approval,
                NtmHours = ntm,
                Etd = etd,
                Eta = etd is { } departure && travel is { } ms ? departure.AddMilliseconds(ms) : null,
                CommandArrangement = command,
            })),
        MessageKind.OfferWithdraw => Body(Gen.Select(Token, Long, (id, r) => new OfferWithdrawBody { OfferId = id, Reason = r })),
        MessageKind.DeploymentStatus => Body(Gen.Select(Token, Gen.Enum<DeploymentState>(), Line.Null(), Gen.Int[0, BodyChecks.MaxCount].Nullable(), Line.Null(), Long.Null(),
            (id, s, l, p, e, i) => new DeploymentStatusBody { OfferId = id, Status = s, Location = l, Personnel = p, Equipment = e, Issues = i })),
        MessageKind.MatchProposal => Body(Gen.Select(List(Allocation, 0, 5), List(Line, 0, 5), Long.Null(), (a, g, n) =>
            new MatchProposalBody { Allocations = a, Gaps = a.IsEmpty && g.IsEmpty ? ["No offer covers the remaining need."] : g, Note = n })),
        MessageKind.CoordinationNote => Body(Gen.Select(Line, Long, Time.Nullable(), Short.Null(), (s, t, m, r) => new CoordinationNoteBody { Subject = s, Text = t, MeetingAt = m, Reference = r })),
        MessageKind.PoliticalDecision => Body(Gen.Select(Participant, Long, Short.Null(), (b, t, r) => new PoliticalDecisionBody { DecidingBody = b, DecisionText = t, Reference = r })),
        MessageKind.Rfi => Body(Gen.Select(Long, Time.Nullable(), (q, n) => new RfiBody { Question = q, NeededBy = n })),
        MessageKind.RfiResponse => Body(Gen.Select(Long, Gen.Enum<Confidence>().Nullable(), (a, c) => new RfiResponseBody { Answer = a, Confidence = c })),
        MessageKind.Termination => Body(Gen.Select(Time, Long, Long.Null(), (t, r, p) => new TerminationBody { EffectiveAt = t, Reason = r, RemainingAssetsPlan = p })),
        MessageKind.CloseoutReport => Body(Gen.Select(Long, List(Long, 0, 5), Gen.Int[0, BodyChecks.MaxCount].Nullable(), Gen.Int[0, BodyChecks.MaxCount].Nullable(), (s, l, o, c) =>
            new CloseoutReportBody { Summary = s, Lessons = l, OffersCommitted = o, RfaLinesCovered = c })),
        MessageKind.DeliveryReport => Body(Gen.Select(MessageId, Participant, Time, (m, r, t) => new DeliveryReportBody { SubjectMsgId = m, Recipient = r, DeliveredAt = t })),
        MessageKind.NonDeliveryReport => Body(Gen.Select(MessageId, Gen.OneOf(Participant, Gen.Const("XX")), Gen.Enum<NonDeliveryReason>(), Line.Null(), (m, r, why, d) =>
            new NonDeliveryReportBody { SubjectMsgId = m, Recipient = r, Reason = why, Detail = d })),
        MessageKind.EscalationReport => Body(Gen.Select(MessageId, Participant, Gen.OneOf(50, 100), Gen.Int[1, 86_400], Gen.Enum<AckType>(), (m, r, p, s, a) =>
            new EscalationReportBody { SubjectMsgId = m, Recipient = r, ThresholdPercent = p, ReceiptSloSeconds = s, Missing = a })),
        MessageKind.Receipt => Body(Gen.Select(Time, Line.Null(), (t, a) => new ReceiptBody { ReceivedAt = t, Authority = a })),
        MessageKind.NonReceipt => Body(Gen.Select(Gen.Enum<NonReceiptReason>(), Line.Null(), (r, d) => new NonReceiptBody { Reason = r, Detail = d })),
        MessageKind.ActionAck => Body(Gen.Select(Gen.Enum<ActionResponse>(), Long.Null(), (r, m) => new ActionAckBody { Response = r, Remarks = m })),
        MessageKind.Heartbeat => Body(Gen.Select(Gen.Enum<GatewayStatus>(), Short.Null(), (s, v) => new HeartbeatBody { Status = s, GatewayVersion = v })),
        MessageKind.RollCall => Body(Gen.Select(Token, Time.Nullable(), (id, by) => new RollCallBody { RollCallId = id, RespondBy = by })),
        MessageKind.RollCallResponse => Body(Gen.Select(Token, Gen.Enum<GatewayStatus>(), (id, s) => new RollCallResponseBody { RollCallId = id, Status = s })),
        MessageKind.InventoryDeclaration => Body(List(InventoryItem, 1, 10).Select(items => new InventoryDeclarationBody { Items = items })),
        MessageKind.LabelChange => Body(Gen.Select(MessageId, Gen.Enum<Classification>(), Participant.Null(), Long, (m, level, originator, r) =>
            new LabelChangeBody { SubjectMsgId = m, NewLabel = new SecurityLabel { Level = level, Originator = originator }, Reason = r })),
        MessageKind.Startex or MessageKind.Pauseex or MessageKind.Resumeex or MessageKind.Endex =>
            Body(Gen.Select(Time, Time.Nullable(), Line.Null(), (t, s, n) => new ExerciseControlBody { ExerciseTime = t, SimulatedTime = s, Note = n })),
        MessageKind.Inject => Inject,
        MessageKind.Observation => Body(Gen.Select(Token, List(MessageId, 0, 5), Gen.Enum<HseepRating>(), Gen.Enum<ObservationFinding>(), Long, (o, refs, r, f, t) =>
            new ObservationBody { ObjectiveId = o, MsgRefs = refs, Rating = r, Finding = f, Text = t })),
        MessageKind.PlayerNote => Body(Gen.Select(Long, Long.Null(), (t, d) => new PlayerNoteBody { Text = t, Decision = d })),
        MessageKind.RealWorld => Body(Long.Select(t => new RealWorldBody { Text = t })),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a catalogue kind"),
    };

    // Single characters that stress JSON escaping and UTF-8 encoding, and whole grapheme clusters that must never
    // be split into lone surrogates.
    private static readonly Gen<string> Piece = Gen.OneOf<string>(
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-_/()"].Select(c => c.ToString()),
        Gen.Char["\"\\'<>&+`\n\t\r\u00A0\u2028\u2029"].Select(c => c.ToString()),
        Gen.Char["éèàçßøåÆŒœÄÖÜäöüŁłŽžŠšČčĘęĞğİıÇ€£Ωλ日本語Ж中文한국어العربية"].Select(c => c.ToString()),
        Gen.OneOf("😀", "🇪🇺", "👍🏽", "🚑", "🛰️", "👩‍⚕️"));

    // The longest piece is five UTF-16 code units; counts below keep every text within its limit.
    private static readonly Gen<string> FirstPiece = Gen.OneOf<string>(
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"\\éßØ日Ж€"].Select(c => c.ToString()),
        Gen.OneOf("😀", "🇪🇺"));

    private static readonly Gen<string> Short = Text(Limits.ShortText / 5);
    private static readonly Gen<string> Line = Text(60);
    // Even escaped as \uXXXX (six bytes a code unit), the longest body stays under Limits.EnvelopeBytes.
    private static readonly Gen<string> Long = Gen.Frequency((9, Text(200)), (1, Text(1_000)));

    private static readonly Gen<string> Token = Gen.Select(
        Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"],
        Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-"], 0, 20],
        (first, rest) => first + rest);

    private static readonly Gen<string> MessageId = Gen.Select(
        Gen.Char["01234567"],
        Gen.String[Gen.Char["0123456789ABCDEFGHJKMNPQRSTVWXYZ"], 25, 25],
        (first, rest) => first + rest);

    private static readonly Gen<string> Category = Gen.OneOf(
        "MED.EMT2", "MED.FIELD-HOSPITAL", "MED.MEDEVAC-AIR", "CYB.CRRT", "CYB", "MIL.AIR.AAR", "MIL.LAND.EOD", "MIL.BACKFILL",
        "MIL.RDC", "INT.GEOINT", "HYB.HRRT", "DIP.STATEMENT", "CBRN.DECON", "CP.USAR-HEAVY", "CP.FFF-PLANE", "LOG.STRAT-AIRLIFT",
        "LOG.HNS", "COMMS.SATCOM", "POL.CT-TEAM", "ENERGY", "CI", "FIN");

    private static readonly Gen<ImmutableArray<string>> Categories = List(Category, 0, 5);

    private static readonly Gen<string> Participant = Gen.OneOf([.. ParticipantRegistry.Default.Participants.Select(p => p.Id)]);

    private static readonly Gen<string> Unit = Gen.OneOf("team", "pax", "aircraft", "vessel", "t", "m3-h", "unit", "bed");

    private static readonly Gen<int> Quantity = Gen.Int[1, BodyChecks.MaxQuantity];

    private static readonly Gen<DateTimeOffset> Time = Gen.Long[
        new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
        new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()].Select(DateTimeOffset.FromUnixTimeMilliseconds);

    private static readonly Gen<RfaLine> RfaLine = Gen.Select(
        Token, Category, Line, Quantity, Unit, Line.Null(), Line.Null(), Time.Nullable(),
        Gen.Int[1, 3650].Nullable(), Gen.Int[1, 3].Nullable(), List(Short, 0, 3), Gen.Bool,
        (id, category, description, quantity, unit, standard, destination, by, days, priority, caveats, hns) => new RfaLine
        {
            LineId = id,
            CategoryCode = category,
            Description = description,
            Quantity = quantity,
            Unit = unit,
            CapabilityStandard = standard,
            Destination = destination,
            RequiredBy = by,
            DurationDays = days,
            Priority = priority,
            AcceptableCaveats = caveats,
            HnsOffered = hns,
        });

    // The index after the last '-' makes line ids unique however the random parts collide.
    private static readonly Gen<ImmutableArray<RfaLine>> RfaLines = RfaLine.Array[1, 8].Select(lines =>
        lines.Select((line, i) => line with { LineId = $"{line.LineId}-{i}" }).ToImmutableArray());

    private static readonly Gen<ResourceLine> Resource = Gen.Select(
        Category, Line, Quantity, Unit, Line.Null(), Gen.Int[0, BodyChecks.MaxNoticeHours].Nullable(), Line.Null(),
        Gen.Enum<CommandArrangement>().Nullable(), Gen.Enum<CostModel>().Nullable(),
        (category, description, quantity, unit, standard, ntm, origin, command, cost) => new ResourceLine
        {
            CategoryCode = category,
            Description = description,
            Quantity = quantity,
            Unit = unit,
            CapabilityStandard = standard,
            ReadinessNtmHours = ntm,
            OriginLocation = origin,
            CommandArrangement = command,
            CostModel = cost,
        });

    private static readonly Gen<Allocation> Allocation = Gen.Select(Token, Token, Token, Quantity, (rfa, line, offer, quantity) =>
        new Allocation { RfaId = rfa, LineId = line, OfferId = offer, Quantity = quantity });

    private static readonly Gen<InventoryItem> InventoryItem = Gen.Select(Category, Line.Null(), Quantity, Unit, Gen.Int[0, BodyChecks.MaxNoticeHours].Nullable(),
        (category, description, quantity, unit, ntm) => new InventoryItem { CategoryCode = category, Description = description, Quantity = quantity, Unit = unit, ReadinessNtmHours = ntm });

    private static readonly Gen<ExpectedAction> ExpectedAction = Gen.Select(Line, Participant.Null(), Gen.Int[1, BodyChecks.MaxExerciseSeconds], Gen.Int[0, 100].Nullable(),
        (description, actor, deadline, score) => new ExpectedAction { Description = description, Actor = actor, DeadlineSeconds = deadline, Score = score });

    private static readonly Gen<MessageBody> Invocation = Body(Gen.Select(
        Gen.Enum<LegalBasis>(), Gen.Enum<IncidentType>(), Time, Line, Long, Gen.Enum<AttributionStatus>().Nullable(), Line.Null(), Gen.Bool,
        Gen.Enum<NatoTrack>().Nullable(), Gen.Bool, Categories, Line.Null(), Time.Nullable(),
        (basis, type, start, territory, summary, attribution, actor, un, nato, ipcr, needs, poc, next) => new InvocationBody
        {
            LegalBasis = basis,
            IncidentType = type,
            IncidentStart = start,
            AffectedTerritory = territory,
            Summary = summary,
            AttributionStatus = attribution,
            AttributionActor = actor,
            UnArt51Notified = un,
            NatoTrack = nato,
            IpcrRequested = ipcr,
            InitialNeeds = needs,
            NationalPoc = poc,
            NextSitrepDue = next,
        }));

    private static readonly Gen<MessageBody> Sitrep = Body(Gen.Select(
        Gen.Int[1, 100_000], Time, Gen.Long[0, 7L * 86_400_000], Long, Long.Null(), Long.Null(), Long.Null(), Categories, Long.Null(), Long.Null(), Time.Nullable(),
        (no, from, span, situation, threat, damage, actions, needs, hns, outlook, next) => new SitrepBody
        {
            SitrepNo = no,
            PeriodFrom = from,
            PeriodTo = from.AddMilliseconds(span),
            Situation = situation,
            ThreatAssessment = threat,
            CasualtiesDamage = damage,
            ActionsTaken = actions,
            OutstandingNeeds = needs,
            HnsStatus = hns,
            Outlook = outlook,
            NextDue = next,
        }));

    private static readonly Gen<MessageBody> Offer = Body(Gen.Select(
        Token, Gen.Bool, Token, Token, Resource, List(Short, 0, 3), Time.Nullable(), Gen.Enum<NationalApproval>().Nullable(),
        (id, unsolicited, rfa, line, resource, caveats, until, approval) => new OfferBody
        {
            OfferId = id,
            Unsolicited = unsolicited,
            RfaId = unsolicited ? null : rfa,
            LineId = unsolicited ? null : line,
            Resource = resource,
            Caveats = caveats,
            ValidUntil = until,
            NationalApproval = approval,
        }));

    private static readonly Gen<MessageBody> OfferDecision = Body(Gen.Select(
        Token, Gen.Enum<OfferDecisionKind>(), Quantity.Nullable(), Quantity, Long.Null(), Long.Null(),
        (id, decision, maybe, partial, reason, instructions) => new OfferDecisionBody
        {
            OfferId = id,
            Decision = decision,
            AcceptedQuantity = decision switch
            {
                OfferDecisionKind.Partial => partial,
                OfferDecisionKind.Decline or OfferDecisionKind.Hold => null,
                _ => maybe,
            },
            Reason = reason,
            ReportingInstructions = instructions,
        }));

    private static readonly Gen<MessageBody> Inject = Body(Gen.Select(
        Token, Short.Null(), Gen.Long[0, BodyChecks.MaxExerciseSeconds], Time.Nullable(), Line.Null(), List(Participant, 0, 5),
        Gen.Enum<MessageKind>().Nullable(), Long, List(ExpectedAction, 0, 4), Long.Null(),
        (msel, move, offset, simulated, actor, to, kind, content, expected, note) => new InjectBody
        {
            MselId = msel,
            Move = move,
            ScheduledOffsetSeconds = offset,
            SimulatedTime = simulated,
            FromSimulatedActor = actor,
            To = to,
            ContentKind = kind,
            Content = content,
            ExpectedActions = expected,
            ControllerNote = note,
        }));

    /// <summary>A text that is never blank and never longer than <paramref name="maxPieces"/> times five UTF-16 code units.</summary>
    private static Gen<string> Text(int maxPieces) =>
        Gen.Select(FirstPiece, Piece.Array[0, maxPieces - 1], (first, rest) => first + string.Concat(rest));

    private static Gen<ImmutableArray<T>> List<T>(Gen<T> item, int min, int max) => item.Array[min, max].Select(items => items.ToImmutableArray());

    private static Gen<MessageBody> Body<T>(Gen<T> body) where T : MessageBody => body.Select(b => (MessageBody)b);
}
