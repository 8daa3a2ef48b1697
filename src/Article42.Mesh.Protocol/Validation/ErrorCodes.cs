namespace Article42.Mesh.Protocol;

/// <summary>
/// Every code the protocol library produces. Codes are stable: a code's meaning never changes,
/// retired codes are never reused. The README lists them all.
/// </summary>
public static class ErrorCodes
{
    // Codec: the bytes are not a well-formed envelope document.
    public const string MalformedJson = "A42-JSON-001";
    public const string UnknownField = "A42-JSON-002";
    public const string DuplicateField = "A42-JSON-003";
    public const string WrongType = "A42-JSON-004";
    public const string TooLarge = "A42-JSON-005";
    public const string MissingField = "A42-JSON-006";
    public const string TooDeep = "A42-JSON-007";

    // Envelope rules.
    public const string MissingValue = "A42-ENV-001";
    public const string BadMessageId = "A42-ENV-002";
    public const string UnsupportedSchemaVersion = "A42-ENV-003";
    public const string BadParticipantId = "A42-ENV-005";
    public const string NoActionAddressee = "A42-ENV-006";
    public const string UnknownParticipant = "A42-ENV-007";
    public const string InfoAboveAction = "A42-ENV-008";
    public const string TimeOrder = "A42-ENV-009";
    public const string CreatedInFuture = "A42-ENV-010";
    public const string BodyKindMismatch = "A42-ENV-011";
    public const string ExerciseMarking = "A42-ENV-012";
    public const string TooManyRecipients = "A42-ENV-013";
    public const string TextTooLong = "A42-ENV-014";
    public const string TooManyItems = "A42-ENV-015";
    public const string BadLabel = "A42-ENV-016";
    public const string UndefinedValue = "A42-ENV-017";
    public const string AddressedToSelf = "A42-ENV-018";
    public const string BadAckRequest = "A42-ENV-019";
    public const string BadActivationId = "A42-ENV-020";
    public const string BadToken = "A42-ENV-021";
    public const string ReplyRequired = "A42-ENV-022";
    public const string EncodedTooLarge = "A42-ENV-023";
    public const string ForbiddenCharacter = "A42-ENV-024";

    // Typed bodies.
    public const string BodyMissingValue = "A42-BODY-001";
    public const string BodyOutOfRange = "A42-BODY-002";
    public const string BodyBadCategory = "A42-BODY-003";
    public const string BodyInconsistent = "A42-BODY-004";

    // Sessions.
    public const string ChallengeUnknown = "A42-SES-001";
    public const string ProofInvalid = "A42-SES-002";
    public const string SessionInvalid = "A42-SES-003";
    public const string NotConsuming = "A42-SES-004";
    public const string WrongParticipant = "A42-SES-005";

    // Submit refusals.
    public const string SenderMismatch = "A42-SUB-001";
    public const string MeshOnlyKind = "A42-SUB-002";
    public const string AboveSenderCeiling = "A42-SUB-003";
    public const string MessageIdConflict = "A42-SUB-004";
    public const string SenderRateExceeded = "A42-SUB-005";
    public const string InboxFull = "A42-SUB-006";
    public const string UnknownMessage = "A42-SUB-007";
    public const string BatchTooLarge = "A42-SUB-008";

    // Activation rules (the legality hook).
    public const string ActivationUnknown = "A42-ACT-001";
    public const string ActivationExists = "A42-ACT-002";
    public const string NotInvoker = "A42-ACT-003";
    public const string StateForbids = "A42-ACT-004";
    public const string ActivationClosed = "A42-ACT-005";
    public const string RfaUnknown = "A42-ACT-006";
    public const string LineNotOpen = "A42-ACT-007";
    public const string OfferUnknown = "A42-ACT-008";
    public const string OfferStateForbids = "A42-ACT-009";
    public const string NotOfferer = "A42-ACT-010";
    public const string WrongSenderKind = "A42-ACT-011";
    public const string ModeMismatch = "A42-ACT-012";
    public const string InventoryExceeded = "A42-ACT-013";
    public const string DuplicateId = "A42-ACT-014";
    public const string QuantityExceeded = "A42-ACT-015";
    public const string AssetsDeployed = "A42-ACT-016";

    // Operator requests (a42 trace, a42 status).
    public const string NoOperatorKey = "A42-ADM-001";
    public const string OperatorProofInvalid = "A42-ADM-002";
    public const string OperatorProofStale = "A42-ADM-003";
    public const string MessageUnknown = "A42-ADM-004";

    // Signatures.
    public const string SignatureMissing = "A42-SIG-001";
    public const string SignatureInvalid = "A42-SIG-002";
    public const string SignerHasNoKey = "A42-SIG-003";
    public const string SignatureMalformed = "A42-SIG-004";
    public const string SignerNotSender = "A42-SIG-005";

    // Transport security: why a gateway's TLS connection to the mesh cannot work (the SDK's MeshTlsException).
    public const string TlsRefusedByMesh = "A42-TLS-001";
    public const string TlsSiloNotTrusted = "A42-TLS-002";
    public const string TlsOwnCertificateUnusable = "A42-TLS-003";
    public const string TlsMismatch = "A42-TLS-004";
}
