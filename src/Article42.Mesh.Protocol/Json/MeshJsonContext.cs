using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The one JSON contract of the protocol (files, CLI input and output, exercise scenarios): snake_case names,
/// nulls left out, UTC millisecond times. Source-generated so the property order, and with it the canonical
/// bytes, is fixed at compile time. Strictness (unknown, duplicate, missing fields) is enforced by <see cref="StrictJson"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(UtcMillisecondsConverter)])]
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(RegistryDocument))]
[JsonSerializable(typeof(JsonElement))]
// Every body type of the catalogue (one declaration: the generator does not merge attributes across partial files).
[JsonSerializable(typeof(ActionAckBody))]
[JsonSerializable(typeof(CloseoutReportBody))]
[JsonSerializable(typeof(CommitmentBody))]
[JsonSerializable(typeof(CoordinationNoteBody))]
[JsonSerializable(typeof(DeliveryReportBody))]
[JsonSerializable(typeof(DeploymentStatusBody))]
[JsonSerializable(typeof(EscalationReportBody))]
[JsonSerializable(typeof(ExerciseControlBody))]
[JsonSerializable(typeof(HeartbeatBody))]
[JsonSerializable(typeof(IncidentReportBody))]
[JsonSerializable(typeof(InjectBody))]
[JsonSerializable(typeof(InventoryDeclarationBody))]
[JsonSerializable(typeof(InvocationAckBody))]
[JsonSerializable(typeof(InvocationBody))]
[JsonSerializable(typeof(LabelChangeBody))]
[JsonSerializable(typeof(MatchProposalBody))]
[JsonSerializable(typeof(NonDeliveryReportBody))]
[JsonSerializable(typeof(NonReceiptBody))]
[JsonSerializable(typeof(ObservationBody))]
[JsonSerializable(typeof(OfferBody))]
[JsonSerializable(typeof(OfferDecisionBody))]
[JsonSerializable(typeof(OfferWithdrawBody))]
[JsonSerializable(typeof(PlayerNoteBody))]
[JsonSerializable(typeof(PoliticalDecisionBody))]
[JsonSerializable(typeof(RealWorldBody))]
[JsonSerializable(typeof(ReceiptBody))]
[JsonSerializable(typeof(RfaAmendBody))]
[JsonSerializable(typeof(RfaBody))]
[JsonSerializable(typeof(RfaCancelBody))]
[JsonSerializable(typeof(RfiBody))]
[JsonSerializable(typeof(RfiResponseBody))]
[JsonSerializable(typeof(RollCallBody))]
[JsonSerializable(typeof(RollCallResponseBody))]
[JsonSerializable(typeof(SitrepBody))]
[JsonSerializable(typeof(SolidarityStatementBody))]
[JsonSerializable(typeof(TerminationBody))]
internal sealed partial class MeshJsonContext : JsonSerializerContext;
