namespace Article42.Mesh.Protocol;

/// <summary>
/// The message catalogue of docs/design/domain.md §8.3 and §8.5a as data: one <see cref="KindInfo"/> per kind.
/// </summary>
public static class MessageCatalogue
{
    private static readonly ImmutableArray<AckType> None = [];
    private static readonly ImmutableArray<AckType> Dr = [AckType.Dr];
    private static readonly ImmutableArray<AckType> DrRn = [AckType.Dr, AckType.Rn];
    private static readonly ImmutableArray<AckType> DrRnWilco = [AckType.Dr, AckType.Rn, AckType.Wilco];

    private static readonly ImmutableDictionary<MessageKind, KindInfo> Kinds = new KindInfo[]
    {
        Lifecycle(MessageKind.Invocation, typeof(InvocationBody), Precedence.Flash, DrRn, ActivationScope.Required, info: Precedence.Immediate),
        Lifecycle(MessageKind.InvocationAck, typeof(InvocationAckBody), Precedence.Immediate, Dr, ActivationScope.Required),
        Lifecycle(MessageKind.SolidarityStatement, typeof(SolidarityStatementBody), Precedence.Priority, Dr, ActivationScope.Required),
        Lifecycle(MessageKind.Sitrep, typeof(SitrepBody), Precedence.Priority, Dr, ActivationScope.Optional),
        Lifecycle(MessageKind.IncidentReport, typeof(IncidentReportBody), Precedence.Flash, DrRn, ActivationScope.Optional),
        Lifecycle(MessageKind.Rfa, typeof(RfaBody), Precedence.Immediate, DrRnWilco, ActivationScope.Required),
        Lifecycle(MessageKind.RfaAmend, typeof(RfaAmendBody), Precedence.Immediate, DrRnWilco, ActivationScope.Required),
        Lifecycle(MessageKind.RfaCancel, typeof(RfaCancelBody), Precedence.Immediate, DrRnWilco, ActivationScope.Required),
        Lifecycle(MessageKind.Offer, typeof(OfferBody), Precedence.Immediate, DrRn, ActivationScope.Required),
        Lifecycle(MessageKind.OfferDecision, typeof(OfferDecisionBody), Precedence.Immediate, DrRnWilco, ActivationScope.Required),
        Lifecycle(MessageKind.Commitment, typeof(CommitmentBody), Precedence.Immediate, DrRn, ActivationScope.Required),
        Lifecycle(MessageKind.OfferWithdraw, typeof(OfferWithdrawBody), Precedence.Immediate, DrRn, ActivationScope.Required),
        Lifecycle(MessageKind.DeploymentStatus, typeof(DeploymentStatusBody), Precedence.Priority, Dr, ActivationScope.Required),
        Lifecycle(MessageKind.MatchProposal, typeof(MatchProposalBody), Precedence.Priority, Dr, ActivationScope.Required),
        Lifecycle(MessageKind.CoordinationNote, typeof(CoordinationNoteBody), Precedence.Priority, DrRnWilco, ActivationScope.Optional),
        Lifecycle(MessageKind.PoliticalDecision, typeof(PoliticalDecisionBody), Precedence.Immediate, DrRnWilco, ActivationScope.Required),
        Lifecycle(MessageKind.Rfi, typeof(RfiBody), Precedence.Priority, DrRn, ActivationScope.Optional),
        Lifecycle(MessageKind.RfiResponse, typeof(RfiResponseBody), Precedence.Priority, Dr, ActivationScope.Optional),
        Lifecycle(MessageKind.Termination, typeof(TerminationBody), Precedence.Immediate, DrRn, ActivationScope.Required),
        Lifecycle(MessageKind.CloseoutReport, typeof(CloseoutReportBody), Precedence.Routine, Dr, ActivationScope.Required),

        MeshReport(MessageKind.DeliveryReport, typeof(DeliveryReportBody)),
        MeshReport(MessageKind.NonDeliveryReport, typeof(NonDeliveryReportBody)),
        MeshReport(MessageKind.EscalationReport, typeof(EscalationReportBody)),
        Handling(MessageKind.Receipt, typeof(ReceiptBody), Precedence.Immediate, None),
        Handling(MessageKind.NonReceipt, typeof(NonReceiptBody), Precedence.Immediate, None),
        Handling(MessageKind.ActionAck, typeof(ActionAckBody), Precedence.Immediate, None),
        Handling(MessageKind.Heartbeat, typeof(HeartbeatBody), Precedence.Routine, None),
        Handling(MessageKind.RollCall, typeof(RollCallBody), Precedence.Immediate, DrRn),
        Handling(MessageKind.RollCallResponse, typeof(RollCallResponseBody), Precedence.Immediate, None),
        Handling(MessageKind.InventoryDeclaration, typeof(InventoryDeclarationBody), Precedence.Routine, Dr),
        Handling(MessageKind.LabelChange, typeof(LabelChangeBody), Precedence.Priority, Dr),

        ExerciseControl(MessageKind.Startex, typeof(ExerciseControlBody), Precedence.Immediate),
        ExerciseControl(MessageKind.Pauseex, typeof(ExerciseControlBody), Precedence.Immediate),
        ExerciseControl(MessageKind.Resumeex, typeof(ExerciseControlBody), Precedence.Immediate),
        ExerciseControl(MessageKind.Endex, typeof(ExerciseControlBody), Precedence.Immediate),
        ExerciseControl(MessageKind.Inject, typeof(InjectBody), Precedence.Priority),
        ExerciseControl(MessageKind.Observation, typeof(ObservationBody), Precedence.Routine),
        ExerciseControl(MessageKind.PlayerNote, typeof(PlayerNoteBody), Precedence.Routine),
        ExerciseControl(MessageKind.RealWorld, typeof(RealWorldBody), Precedence.Override, DrRn),
    }.ToImmutableDictionary(info => info.Kind);

    /// <summary>Every kind of the catalogue, in declaration order.</summary>
    public static ImmutableArray<KindInfo> All { get; } = [.. Enum.GetValues<MessageKind>().Select(Of)];

    /// <summary>The catalogue entry of a kind.</summary>
    public static KindInfo Of(MessageKind kind) =>
        Kinds.TryGetValue(kind, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a catalogue kind");

    /// <summary>True for kinds defined by the catalogue (an out-of-range enum value is not).</summary>
    public static bool IsDefined(MessageKind kind) => Kinds.ContainsKey(kind);

    private static KindInfo Lifecycle(MessageKind kind, Type body, Precedence precedence, ImmutableArray<AckType> acks, ActivationScope scope, Precedence? info = null) =>
        new(kind, body, MessageFamily.Lifecycle, precedence, info ?? precedence, acks, scope, MeshOnly: false);

    private static KindInfo Handling(MessageKind kind, Type body, Precedence precedence, ImmutableArray<AckType> acks) =>
        new(kind, body, MessageFamily.Handling, precedence, precedence, acks, ActivationScope.Optional, MeshOnly: false);

    private static KindInfo MeshReport(MessageKind kind, Type body) =>
        new(kind, body, MessageFamily.Handling, Precedence.Immediate, Precedence.Immediate, None, ActivationScope.Optional, MeshOnly: true);

    private static KindInfo ExerciseControl(MessageKind kind, Type body, Precedence precedence, ImmutableArray<AckType>? acks = null) =>
        new(kind, body, MessageFamily.ExerciseControl, precedence, precedence, acks ?? Dr, ActivationScope.Optional, MeshOnly: false);
}
