namespace Article42.Mesh.Protocol;

/// <summary>
/// A valid body of every kind, filled with template text for an author to replace (<c>a42 new</c>, scenario
/// files). Every skeleton passes its own validation against the default registry.
/// </summary>
public static class BodySkeletons
{
    /// <summary>A message id that is a well-formed ULID, standing for "the message this one is about".</summary>
    public const string SubjectMessageId = "01JZ0000000000000000000000";

    /// <summary>The skeleton body of <paramref name="kind"/>, with times around <paramref name="now"/>.</summary>
    public static MessageBody For(MessageKind kind, DateTimeOffset now)
    {
        // Times as the wire keeps them, so a skeleton survives a round trip unchanged.
        now = UtcMillisecondsConverter.Normalize(now);
        return kind switch
        {
            MessageKind.Invocation => new InvocationBody
            {
                LegalBasis = LegalBasis.Teu427,
                IncidentType = IncidentType.ArmedAttack,
                IncidentStart = now,
                AffectedTerritory = "Name the affected territory (NUTS region, territorial sea, airspace).",
                Summary = "Describe what happened, when and where.",
                AttributionStatus = AttributionStatus.Unknown,
                NatoTrack = NatoTrack.None,
                InitialNeeds = ["MED.EMT2"],
                NationalPoc = "Name the national point of contact.",
                NextSitrepDue = now.AddHours(6),
            },
            MessageKind.InvocationAck => new InvocationAckBody { ReceiptTime = now, AcknowledgingAuthority = "Name the acknowledging authority." },
            MessageKind.SolidarityStatement => new SolidarityStatementBody { Position = SolidarityPosition.FullSupport, Text = "State your position." },
            MessageKind.Sitrep => new SitrepBody
            {
                SitrepNo = 1,
                PeriodFrom = now.AddHours(-6),
                PeriodTo = now,
                Situation = "Describe the situation.",
                OutstandingNeeds = ["MED.EMT2"],
                NextDue = now.AddHours(6),
            },
            MessageKind.IncidentReport => new IncidentReportBody
            {
                EventTime = now,
                Location = "Name the location.",
                IncidentType = IncidentType.Other,
                Effects = "Describe the effects.",
            },
            MessageKind.Rfa => new RfaBody { RfaId = "RFA-1", Lines = [Line], OfferDeadline = now.AddHours(24), CoordinationVia = CoordinationChannel.Bilateral },
            MessageKind.RfaAmend => new RfaAmendBody { RfaId = "RFA-1", Lines = [Line], Reason = "State why the request changes." },
            MessageKind.RfaCancel => new RfaCancelBody { RfaId = "RFA-1", LineIds = ["L1"], Reason = "State why the request is cancelled." },
            MessageKind.Offer => new OfferBody
            {
                OfferId = "OFFER-1",
                RfaId = "RFA-1",
                LineId = "L1",
                Resource = new ResourceLine
                {
                    CategoryCode = "MED.EMT2",
                    Description = "Describe the capability offered.",
                    Quantity = 1,
                    Unit = "team",
                    ReadinessNtmHours = 48,
                    CommandArrangement = CommandArrangement.National,
                    CostModel = CostModel.Free,
                },
                ValidUntil = now.AddDays(7),
                NationalApproval = NationalApproval.Government,
            },
            MessageKind.OfferDecision => new OfferDecisionBody { OfferId = "OFFER-1", Decision = OfferDecisionKind.Accept, ReportingInstructions = "Give the arrival point and point of contact." },
            MessageKind.Commitment => new CommitmentBody { OfferId = "OFFER-1", NtmHours = 48, Etd = now.AddHours(48), Eta = now.AddHours(60), CommandArrangement = CommandArrangement.National },
            MessageKind.OfferWithdraw => new OfferWithdrawBody { OfferId = "OFFER-1", Reason = "State why the offer is withdrawn." },
            MessageKind.DeploymentStatus => new DeploymentStatusBody { OfferId = "OFFER-1", Status = DeploymentState.Alerted, Location = "Name the current location." },
            MessageKind.MatchProposal => new MatchProposalBody
            {
                Allocations = [new Allocation { RfaId = "RFA-1", LineId = "L1", OfferId = "OFFER-1", Quantity = 1 }],
                Note = "Explain the proposed allocation; it is advisory only.",
            },
            MessageKind.CoordinationNote => new CoordinationNoteBody { Subject = "Name the subject.", Text = "Write the note." },
            MessageKind.PoliticalDecision => new PoliticalDecisionBody { DecidingBody = "PSC", DecisionText = "Quote the decision." },
            MessageKind.Rfi => new RfiBody { Question = "Ask the question.", NeededBy = now.AddHours(3) },
            MessageKind.RfiResponse => new RfiResponseBody { Answer = "Give the answer.", Confidence = Confidence.Medium },
            MessageKind.Termination => new TerminationBody { EffectiveAt = now, Reason = "State why the activation ends." },
            MessageKind.CloseoutReport => new CloseoutReportBody { Summary = "Summarise the activation.", Lessons = ["Record a lesson."] },
            MessageKind.DeliveryReport => new DeliveryReportBody { SubjectMsgId = SubjectMessageId, Recipient = "DE", DeliveredAt = now },
            MessageKind.NonDeliveryReport => new NonDeliveryReportBody { SubjectMsgId = SubjectMessageId, Recipient = "DE", Reason = NonDeliveryReason.Unreachable },
            MessageKind.EscalationReport => new EscalationReportBody { SubjectMsgId = SubjectMessageId, Recipient = "DE", ThresholdPercent = 50, ReceiptSloSeconds = 600, Missing = AckType.Rn },
            MessageKind.Receipt => new ReceiptBody { ReceivedAt = now },
            MessageKind.NonReceipt => new NonReceiptBody { Reason = NonReceiptReason.Discarded, Detail = "State why the message was not accepted." },
            MessageKind.ActionAck => new ActionAckBody { Response = ActionResponse.Wilco },
            MessageKind.Heartbeat => new HeartbeatBody { Status = GatewayStatus.Operational },
            MessageKind.RollCall => new RollCallBody { RollCallId = "ROLL-CALL-1", RespondBy = now.AddMinutes(10) },
            MessageKind.RollCallResponse => new RollCallResponseBody { RollCallId = "ROLL-CALL-1", Status = GatewayStatus.Operational },
            MessageKind.InventoryDeclaration => new InventoryDeclarationBody
            {
                Items = [new InventoryItem { CategoryCode = "MED.EMT2", Description = "Describe the capability.", Quantity = 1, Unit = "team", ReadinessNtmHours = 48 }],
            },
            MessageKind.LabelChange => new LabelChangeBody { SubjectMsgId = SubjectMessageId, NewLabel = SecurityLabel.Unclassified, Reason = "State the authority for the change." },
            MessageKind.Startex or MessageKind.Pauseex or MessageKind.Resumeex or MessageKind.Endex => new ExerciseControlBody { ExerciseTime = now, SimulatedTime = now },
            MessageKind.Inject => new InjectBody
            {
                MselId = "MSEL-1",
                ScheduledOffsetSeconds = 0,
                Content = "Write the inject as players will read it.",
                ExpectedActions = [new ExpectedAction { Description = "Describe the action expected of players.", DeadlineSeconds = 1800 }],
            },
            MessageKind.Observation => new ObservationBody
            {
                ObjectiveId = "OBJ-1",
                MsgRefs = [SubjectMessageId],
                Rating = HseepRating.P,
                Finding = ObservationFinding.Strength,
                Text = "Describe what was observed.",
            },
            MessageKind.PlayerNote => new PlayerNoteBody { Text = "Record the discussion.", Decision = "Record the decision taken." },
            MessageKind.RealWorld => new RealWorldBody { Text = "Describe the real-world emergency." },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a catalogue kind"),
        };
    }

    private static RfaLine Line { get; } = new()
    {
        LineId = "L1",
        CategoryCode = "MED.EMT2",
        Description = "Describe the capability needed.",
        Quantity = 1,
        Unit = "team",
        Priority = 1,
    };
}
