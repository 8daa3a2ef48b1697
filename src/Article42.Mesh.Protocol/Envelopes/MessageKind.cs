namespace Article42.Mesh.Protocol;

/// <summary>The message catalogue of docs/design/domain.md §8.3: A (activation lifecycle), B (handling and transport), C (exercise control).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<MessageKind>))]
public enum MessageKind
{
    // A. Activation lifecycle
    Invocation,
    InvocationAck,
    SolidarityStatement,
    Sitrep,
    IncidentReport,
    Rfa,
    RfaAmend,
    RfaCancel,
    Offer,
    OfferDecision,
    Commitment,
    OfferWithdraw,
    DeploymentStatus,
    MatchProposal,
    CoordinationNote,
    PoliticalDecision,
    Rfi,
    RfiResponse,
    Termination,
    CloseoutReport,

    // B. Message handling and transport
    DeliveryReport,
    NonDeliveryReport,
    EscalationReport,
    Receipt,
    NonReceipt,
    ActionAck,
    Heartbeat,
    RollCall,
    RollCallResponse,
    InventoryDeclaration,
    LabelChange,

    // C. Exercise control (mode exercise or drill only)
    Startex,
    Pauseex,
    Resumeex,
    Endex,
    Inject,
    Observation,
    PlayerNote,
    RealWorld,
}
