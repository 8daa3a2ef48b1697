namespace Article42.Mesh.Protocol;

/// <summary>The message catalogue of docs/design/domain.md §8.3: A (activation lifecycle), B (handling and transport), C (exercise control).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<MessageKind>))]
public enum MessageKind
{
    // A. Activation lifecycle
    /// <summary>INVOCATION: a member state invokes Art. 42(7) TEU and/or Art. 222 TFEU and states what happened.</summary>
    Invocation,
    /// <summary>INVOCATION_ACK: a member state or EU body confirms that its authorities have taken note of an invocation.</summary>
    InvocationAck,
    /// <summary>SOLIDARITY_STATEMENT: a participant's public position on an activation.</summary>
    SolidarityStatement,
    /// <summary>SITREP: a numbered situation report for a period, with what is still needed.</summary>
    Sitrep,
    /// <summary>INCIDENT_REPORT (INCREP-like): a new event, where, what it did and what it needs now.</summary>
    IncidentReport,
    /// <summary>RFA: the invoker's request for assistance, one line per capability needed.</summary>
    Rfa,
    /// <summary>RFA_AMEND: changed or added lines of an RFA, sent to every participant at once (UCPM rule).</summary>
    RfaAmend,
    /// <summary>RFA_CANCEL: withdraws lines of an RFA, or the whole RFA when no line is named.</summary>
    RfaCancel,
    /// <summary>OFFER: an assisting participant offers a capability against an RFA line, or unsolicited.</summary>
    Offer,
    /// <summary>OFFER_DECISION: the invoker accepts, partly accepts, declines, counters or holds an offer.</summary>
    OfferDecision,
    /// <summary>COMMITMENT: the offerer binds itself to deliver an accepted offer (cf. EMAC REQ-A).</summary>
    Commitment,
    /// <summary>OFFER_WITHDRAW: the offerer takes an offer back; after commitment the reason reopens the RFA line.</summary>
    OfferWithdraw,
    /// <summary>DEPLOYMENT_STATUS (LOGSITREP-like): where a committed capability is and how it is doing.</summary>
    DeploymentStatus,
    /// <summary>MATCH_PROPOSAL: the hub's advisory pairing of offers with RFA lines, and the gaps left; decisions stay national.</summary>
    MatchProposal,
    /// <summary>COORDINATION_NOTE: an EU body's de-confliction note, meeting call, IPCR roundtable notice or ISAA report reference.</summary>
    CoordinationNote,
    /// <summary>POLITICAL_DECISION: a decision of PRES, PSC or EUCO (conclusions, IPCR mode change).</summary>
    PoliticalDecision,
    /// <summary>RFI: a request for information from any participant to any other.</summary>
    Rfi,
    /// <summary>RFI_RESPONSE: the answer to an RFI (the RFI is the envelope's <c>in_reply_to</c>).</summary>
    RfiResponse,
    /// <summary>TERMINATION: the invoker ends the activation; assets stand down.</summary>
    Termination,
    /// <summary>CLOSEOUT_REPORT: totals, timelines and lessons of a closed activation; feeds the after-action review.</summary>
    CloseoutReport,

    // B. Message handling and transport
    /// <summary>DELIVERY_REPORT (DR): the mesh confirms a message is durably in a recipient's inbox; produced by the mesh only.</summary>
    DeliveryReport,
    /// <summary>NON_DELIVERY_REPORT (NDR): the mesh could not deliver a message to a recipient, and why; produced by the mesh only.</summary>
    NonDeliveryReport,
    /// <summary>ESCALATION_REPORT: a requested acknowledgement is still missing at 50% or 100% of its receipt SLO; produced by the mesh only.</summary>
    EscalationReport,
    /// <summary>RECEIPT (RN): a human or authority has read and accepted the message named by <c>in_reply_to</c>.</summary>
    Receipt,
    /// <summary>NON_RECEIPT (NRN): the message named by <c>in_reply_to</c> was discarded or expired unread.</summary>
    NonReceipt,
    /// <summary>ACTION_ACK: the recipient's answer to a tasking named by <c>in_reply_to</c> (WILCO, CANTCO, UNABLE, HAVE_RECEIVED).</summary>
    ActionAck,
    /// <summary>HEARTBEAT: a gateway says it is alive and how it is doing.</summary>
    Heartbeat,
    /// <summary>ROLL_CALL: a communications check that every addressed gateway answers within an SLO.</summary>
    RollCall,
    /// <summary>ROLL_CALL_RESPONSE: a gateway answers a roll call.</summary>
    RollCallResponse,
    /// <summary>INVENTORY_DECLARATION: a participant's peacetime pre-declaration of capabilities it could offer.</summary>
    InventoryDeclaration,
    /// <summary>LABEL_CHANGE: the originator downgrades, declassifies or releases a message it sent.</summary>
    LabelChange,

    // C. Exercise control (mode exercise or drill only)
    /// <summary>STARTEX, PAUSEEX, RESUMEEX, ENDEX: EXCON starts, pauses, resumes or ends an exercise.</summary>
    Startex,
    /// <summary>STARTEX, PAUSEEX, RESUMEEX, ENDEX: EXCON starts, pauses, resumes or ends an exercise.</summary>
    Pauseex,
    /// <summary>STARTEX, PAUSEEX, RESUMEEX, ENDEX: EXCON starts, pauses, resumes or ends an exercise.</summary>
    Resumeex,
    /// <summary>STARTEX, PAUSEEX, RESUMEEX, ENDEX: EXCON starts, pauses, resumes or ends an exercise.</summary>
    Endex,
    /// <summary>INJECT: a scripted MSEL event EXCON plays into the exercise, with the actions it expects of players.</summary>
    Inject,
    /// <summary>OBSERVATION: an evaluator rates an exercise objective, linked to the messages that show it.</summary>
    Observation,
    /// <summary>PLAYER_NOTE: a player's entry in the decision log of a table-top exercise.</summary>
    PlayerNote,
    /// <summary>REAL_WORLD ("NO DUFF"): a real emergency during an exercise; it overrides exercise handling.</summary>
    RealWorld,
}
