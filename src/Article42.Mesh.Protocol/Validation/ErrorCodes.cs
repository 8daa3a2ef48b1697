namespace Article42.Mesh.Protocol;

/// <summary>
/// Every code the protocol library produces. Codes are stable: a code's meaning never changes,
/// retired codes are never reused. docs/reference/error-codes.md lists them all; <see cref="All"/> is the registry.
/// </summary>
public static partial class ErrorCodes
{
    // Codec: the bytes are not a well-formed envelope document.
    /// <summary>Not JSON: malformed, truncated, empty, invalid UTF-8 or an escape that is not text.</summary>
    public const string MalformedJson = "A42-JSON-001";
    /// <summary>Unknown field.</summary>
    public const string UnknownField = "A42-JSON-002";
    /// <summary>Field appears more than once.</summary>
    public const string DuplicateField = "A42-JSON-003";
    /// <summary>Value of the wrong type or format (not an object, unknown enum name, time not ISO 8601 or finer than ms).</summary>
    public const string WrongType = "A42-JSON-004";
    /// <summary>Input larger than 256 KiB.</summary>
    public const string TooLarge = "A42-JSON-005";
    /// <summary>Required field missing.</summary>
    public const string MissingField = "A42-JSON-006";
    /// <summary>Nesting deeper than 16.</summary>
    public const string TooDeep = "A42-JSON-007";

    // Envelope rules.
    /// <summary>Required value missing (msg id, sender, label, payload, activation id of an activation kind, ...).</summary>
    public const string MissingValue = "A42-ENV-001";
    /// <summary>Not a ULID (msg_id, in_reply_to, references).</summary>
    public const string BadMessageId = "A42-ENV-002";
    /// <summary>Schema version not accepted.</summary>
    public const string UnsupportedSchemaVersion = "A42-ENV-003";
    /// <summary>Malformed participant id.</summary>
    public const string BadParticipantId = "A42-ENV-005";
    /// <summary>No action addressee (or the addressees expand to nobody but the sender).</summary>
    public const string NoActionAddressee = "A42-ENV-006";
    /// <summary>Unknown participant.</summary>
    public const string UnknownParticipant = "A42-ENV-007";
    /// <summary>Info precedence above action precedence.</summary>
    public const string InfoAboveAction = "A42-ENV-008";
    /// <summary>Times out of order (expires/reply-by not after creation, released before creation).</summary>
    public const string TimeOrder = "A42-ENV-009";
    /// <summary><c>created_at</c> more than 5 minutes ahead of the mesh clock.</summary>
    public const string CreatedInFuture = "A42-ENV-010";
    /// <summary>Payload type does not match the kind.</summary>
    public const string BodyKindMismatch = "A42-ENV-011";
    /// <summary>Exercise marking: training traffic without exercise id or EXERCISE mark, the mark on real traffic, exercise control or EXCON outside training.</summary>
    public const string ExerciseMarking = "A42-ENV-012";
    /// <summary>More than 64 recipients after group expansion.</summary>
    public const string TooManyRecipients = "A42-ENV-013";
    /// <summary>Text longer than its limit.</summary>
    public const string TextTooLong = "A42-ENV-014";
    /// <summary>List longer than its limit.</summary>
    public const string TooManyItems = "A42-ENV-015";
    /// <summary>Label policy not EU, NATO or NAT:&lt;cc&amp;gt;.</summary>
    public const string BadLabel = "A42-ENV-016";
    /// <summary>Enum value outside the catalogue (precedence, level, kind, ...).</summary>
    public const string UndefinedValue = "A42-ENV-017";
    /// <summary>A participant addresses itself.</summary>
    public const string AddressedToSelf = "A42-ENV-018";
    /// <summary>Acknowledgement type requested twice.</summary>
    public const string BadAckRequest = "A42-ENV-019";
    /// <summary>Malformed activation id.</summary>
    public const string BadActivationId = "A42-ENV-020";
    /// <summary>Handling mark, topic, caveat or id not a token.</summary>
    public const string BadToken = "A42-ENV-021";
    /// <summary>Reply kind without <c>in_reply_to</c>.</summary>
    public const string ReplyRequired = "A42-ENV-022";
    /// <summary>The envelope encodes to more than 256 KiB as stored, although each text is within its limit.</summary>
    public const string EncodedTooLarge = "A42-ENV-023";
    /// <summary>A text holds a control character or a bidirectional embedding, override or isolate.</summary>
    public const string ForbiddenCharacter = "A42-ENV-024";
    /// <summary>Envelope bytes submitted as bytes that decode but are not the canonical form of their schema version (issue #18).</summary>
    public const string NotCanonical = "A42-ENV-025";

    // Typed bodies.
    /// <summary>Required body value missing.</summary>
    public const string BodyMissingValue = "A42-BODY-001";
    /// <summary>Body value out of range.</summary>
    public const string BodyOutOfRange = "A42-BODY-002";
    /// <summary>Not a resource category code of docs/design/domain.md §7 (<c>MED.EMT2</c>, <c>CYB.CRRT</c>, ...).</summary>
    public const string BodyBadCategory = "A42-BODY-003";
    /// <summary>Body fields inconsistent (offer both solicited and unsolicited, PARTIAL without quantity, period_to before period_from, duplicate line ids, ...).</summary>
    public const string BodyInconsistent = "A42-BODY-004";

    // Sessions.
    /// <summary>Challenge unknown, used or expired.</summary>
    public const string ChallengeUnknown = "A42-SES-001";
    /// <summary>Challenge not signed with the participant's key.</summary>
    public const string ProofInvalid = "A42-SES-002";
    /// <summary>No live session with this token (expired, superseded, never opened).</summary>
    public const string SessionInvalid = "A42-SES-003";
    /// <summary>A send-only session cannot fetch, acknowledge or subscribe.</summary>
    public const string NotConsuming = "A42-SES-004";
    /// <summary>The grain is not the participant named (or not in the registry).</summary>
    public const string WrongParticipant = "A42-SES-005";

    // Submit refusals.
    /// <summary>The envelope's <c>from</c> is not the session's participant.</summary>
    public const string SenderMismatch = "A42-SUB-001";
    /// <summary>DELIVERY_REPORT, NON_DELIVERY_REPORT and ESCALATION_REPORT come from the mesh only.</summary>
    public const string MeshOnlyKind = "A42-SUB-002";
    /// <summary>Label above the sender's own accreditation ceiling.</summary>
    public const string AboveSenderCeiling = "A42-SUB-003";
    /// <summary>Message id already used by another sender, or by this sender for other content.</summary>
    public const string MessageIdConflict = "A42-SUB-004";
    /// <summary>Backpressure: sender over its rate.</summary>
    public const string SenderRateExceeded = "A42-SUB-005";
    /// <summary>Backpressure: a recipient's inbox is full.</summary>
    public const string InboxFull = "A42-SUB-006";
    /// <summary>Acknowledged message is not in this inbox.</summary>
    public const string UnknownMessage = "A42-SUB-007";
    /// <summary>Too many ids in one acknowledgement.</summary>
    public const string BatchTooLarge = "A42-SUB-008";
    /// <summary>FLASH or OVERRIDE above the kind's own precedence from a participant without the right (docs/design/domain.md §8.5).</summary>
    public const string PrecedenceNotGranted = "A42-SUB-009";
    /// <summary>Backpressure: sender over its FLASH/OVERRIDE rate.</summary>
    public const string UrgentRateExceeded = "A42-SUB-010";
    /// <summary>Backpressure: a recipient's inbox holds its full share of unacknowledged FLASH/OVERRIDE messages.</summary>
    public const string UrgentShareFull = "A42-SUB-011";
    /// <summary>The message arrives already past its <c>expires_at</c>, or older than the mesh tries to deliver (<c>Delivery:GiveUpAfter</c> from <c>created_at</c>).</summary>
    public const string ArrivedStale = "A42-SUB-012";

    // Activation rules (the legality hook).
    /// <summary>Activation rule: a message naming an activation that was never invoked is refused.</summary>
    public const string ActivationUnknown = "A42-ACT-001";
    /// <summary>Activation rule: a second INVOCATION of the same id only extends the legal basis to BOTH, and only by the invoker.</summary>
    public const string ActivationExists = "A42-ACT-002";
    /// <summary>Activation rule: the message must come from the invoking state (RFA, RFA_AMEND, RFA_CANCEL, OFFER_DECISION, TERMINATION, a second INVOCATION).</summary>
    public const string NotInvoker = "A42-ACT-003";
    /// <summary>Activation rule: no new RFA or OFFER while standing down; CLOSEOUT_REPORT only after TERMINATION.</summary>
    public const string StateForbids = "A42-ACT-004";
    /// <summary>Activation rule: no lifecycle message once CLOSED or WITHDRAWN.</summary>
    public const string ActivationClosed = "A42-ACT-005";
    /// <summary>Activation rule: an RFA change or an offer names an RFA and line that exist.</summary>
    public const string RfaUnknown = "A42-ACT-006";
    /// <summary>Activation rule: an offer against a line names an OPEN or PARTIALLY_COVERED line (else it is <c>unsolicited</c>).</summary>
    public const string LineNotOpen = "A42-ACT-007";
    /// <summary>Activation rule: a decision answers an offer made to the invoking state.</summary>
    public const string OfferUnknown = "A42-ACT-008";
    /// <summary>Activation rule: an offer is decided once (re-decided only from COUNTERED or ON_HOLD); only an accepted offer is committed; deployment status only for committed offers.</summary>
    public const string OfferStateForbids = "A42-ACT-009";
    /// <summary>Activation rule: COMMITMENT, OFFER_WITHDRAW and DEPLOYMENT_STATUS come from the offerer.</summary>
    public const string NotOfferer = "A42-ACT-010";
    /// <summary>Activation rule: only a member state invokes; the invoker neither acknowledges nor offers to itself; POLITICAL_DECISION comes from PRES, PSC or EUCO; MATCH_PROPOSAL and COORDINATION_NOTE from an EU body; CLOSEOUT_REPORT from the invoker or an EU body.</summary>
    public const string WrongSenderKind = "A42-ACT-011";
    /// <summary>Activation rule: exercise traffic never mixes with a real activation, nor the reverse.</summary>
    public const string ModeMismatch = "A42-ACT-012";
    /// <summary>Activation rule: a commitment may not exceed what the offerer declared (INVENTORY_DECLARATION) minus what it has committed in all activations.</summary>
    public const string InventoryExceeded = "A42-ACT-013";
    /// <summary>Activation rule: RFA and offer ids are unique within the activation.</summary>
    public const string DuplicateId = "A42-ACT-014";
    /// <summary>Activation rule: a PARTIAL decision accepts at most the offered quantity.</summary>
    public const string QuantityExceeded = "A42-ACT-015";
    /// <summary>Activation rule: close-out waits until every committed asset has RETURNED.</summary>
    public const string AssetsDeployed = "A42-ACT-016";

    // Operator requests (a42 trace, a42 status).
    /// <summary>The silo has no <c>operator.pub</c> in its keys directory: it serves no operator requests.</summary>
    public const string NoOperatorKey = "A42-ADM-001";
    /// <summary>The operator request is not signed with the operator key (or for another operation or argument).</summary>
    public const string OperatorProofInvalid = "A42-ADM-002";
    /// <summary>The operator request was issued more than 2 min from the silo's clock (<c>$.issued_at</c>), or replayed (<c>$.nonce</c>).</summary>
    public const string OperatorProofStale = "A42-ADM-003";
    /// <summary><c>a42 trace</c>: the mesh never accepted a message with this id.</summary>
    public const string MessageUnknown = "A42-ADM-004";
    /// <summary>An exercise control request names no valid exercise id, or its plan is out of bounds or for another exercise.</summary>
    public const string ExerciseRequestInvalid = "A42-ADM-005";
    /// <summary>An exercise control request (other than STARTEX) names an exercise that was never started.</summary>
    public const string ExerciseUnknown = "A42-ADM-006";
    /// <summary>An activation summary request names no activation id (<c>A42-YYYY-NNNN</c>).</summary>
    public const string ActivationRequestInvalid = "A42-ADM-007";

    // Signatures.
    /// <summary>Envelope not signed.</summary>
    public const string SignatureMissing = "A42-SIG-001";
    /// <summary>Signature does not match envelope and key.</summary>
    public const string SignatureInvalid = "A42-SIG-002";
    /// <summary>The registry holds no key for the sender.</summary>
    public const string SignerHasNoKey = "A42-SIG-003";
    /// <summary>Signature not canonical base64 of 64 bytes.</summary>
    public const string SignatureMalformed = "A42-SIG-004";
    /// <summary>Reserved for an envelope signed by someone other than its sender; nothing produces it today (signatures are checked against the sender's key).</summary>
    public const string SignerNotSender = "A42-SIG-005";
    /// <summary>
    /// Signed with a key of the sender's that a rotation replaced (<c>verify_only</c>, issue #21): what it signed before
    /// stays valid, nothing new is accepted under it. The sender's gateway signs again once it holds the new key.
    /// </summary>
    public const string SignedWithReplacedKey = "A42-SIG-006";

    // Transport security: why a gateway's TLS connection to the mesh cannot work (the SDK's MeshTlsException).
    /// <summary>The mesh refused this gateway's TLS connection: no client certificate, not from the mesh's CA, expired or not for client authentication.</summary>
    public const string TlsRefusedByMesh = "A42-TLS-001";
    /// <summary>The silo's certificate is not trusted: not from the CA the gateway trusts, expired, or not for server authentication.</summary>
    public const string TlsSiloNotTrusted = "A42-TLS-002";
    /// <summary>The gateway's own certificate cannot work at all (no private key, not for client authentication).</summary>
    public const string TlsOwnCertificateUnusable = "A42-TLS-003";
    /// <summary>One side speaks TLS and the other does not.</summary>
    public const string TlsMismatch = "A42-TLS-004";
    /// <summary>The endpoint speaks TLS but is not a mesh gateway (it asks for no client certificate).</summary>
    public const string TlsNotAMeshGateway = "A42-TLS-005";

    /// <summary>Codes the mesh no longer produces; never given a new meaning (the docs table marks them retired).</summary>
    public static ImmutableArray<string> Retired { get; } = ["A42-SEC-001", "A42-CLI-005"];

    // Call security: a call the mesh refuses outright (MeshCallRefusedException).
    /// <summary><c>Tls:BindParticipant</c>: the connection's TLS client certificate names another participant than the grain called.</summary>
    public const string CertificateSpeaksForAnother = "A42-SEC-002";
    /// <summary>A call without the cluster secret to a method outside the client surface (A42-SEC-001, silo-only methods, is retired into it).</summary>
    public const string OutsideClientSurface = "A42-SEC-003";
    /// <summary><c>Tls:BindParticipant</c>: a gateway connection's client id is already bound, on some gateway silo, to another TLS client certificate; the silo closes the connection.</summary>
    public const string ClientIdBoundElsewhere = "A42-SEC-004";
    /// <summary>A submission or session opening under a key the operator has revoked (issue #21), or by a participant whose every key is revoked.</summary>
    public const string KeyRevoked = "A42-SEC-005";

    // Registry updates (issue #21): an operator-signed registry document refused; nothing of it is applied.
    /// <summary>Not a registry document: malformed JSON, a field unknown, missing or of the wrong type, no version, or a participant or key the registry rules refuse (names the field).</summary>
    public const string RegistryMalformed = "A42-REG-001";
    /// <summary>The registry document carries no signature.</summary>
    public const string RegistryUnsigned = "A42-REG-002";
    /// <summary>The registry document's signature is not the operator key's over its content (another key, a changed value, or not a 64-byte base64 signature).</summary>
    public const string RegistrySignatureInvalid = "A42-REG-003";
    /// <summary>The registry document's version is not higher than the version already applied.</summary>
    public const string RegistryNotNewer = "A42-REG-004";

    // Serving: the mesh could not serve a call now (MeshUnavailableException); the SDK retries.
    /// <summary>The mesh could not serve the call now (an infrastructure failure inside the silo, logged there with a correlation id); retry.</summary>
    public const string MeshUnavailable = "A42-SRV-001";
    /// <summary>The journal's disk is full: nothing of the call was stored; the same call succeeds once operators free space.</summary>
    public const string JournalFull = "A42-SRV-002";

    // The CLI itself, before anything reaches the mesh (the CLI's CliErrorCodes names them).
    /// <summary>Input file does not exist.</summary>
    public const string CliNoSuchFile = "A42-CLI-001";
    /// <summary>Bad option value (names the option).</summary>
    public const string CliBadOptionValue = "A42-CLI-002";
    /// <summary><c>--as</c> is not the envelope's sender.</summary>
    public const string CliWrongSigner = "A42-CLI-003";
    /// <summary>Usage error (missing or unknown command or option).</summary>
    public const string CliUsage = "A42-CLI-004";
    /// <summary>Nothing accepts connections at any of the mesh's gateway endpoints.</summary>
    public const string CliUnreachable = "A42-CLI-006";
    /// <summary>No context of that name (<c>--context</c>, <c>A42_CONTEXT</c>, <c>a42 context use</c>).</summary>
    public const string ContextUnknown = "A42-CTX-001";
    /// <summary>The contexts file is not what <c>a42 context</c> writes (names the file and line).</summary>
    public const string ContextBadFile = "A42-CTX-002";
    /// <summary>A context of that name exists already (<c>--force</c> replaces it).</summary>
    public const string ContextExists = "A42-CTX-003";
    /// <summary>A context name that is not a plain word (a path separator, or a character other than letters, digits, `.`, `_`, `-`).</summary>
    public const string ContextBadName = "A42-CTX-004";
    /// <summary>A trust store exists already.</summary>
    public const string KeysTrustStoreExists = "A42-KEYS-001";
    /// <summary>Private key or trust store missing or unusable.</summary>
    public const string KeysNoPrivateKey = "A42-KEYS-002";
    /// <summary>Registry file unusable.</summary>
    public const string KeysBadRegistry = "A42-KEYS-003";
    /// <summary><c>a42 keys rotate/revoke/ceiling</c>: the registry holds no participant of that id.</summary>
    public const string KeysUnknownParticipant = "A42-KEYS-004";
    /// <summary><c>a42 keys revoke --key</c>: the participant holds no key of that id.</summary>
    public const string KeysUnknownKey = "A42-KEYS-005";
    /// <summary><c>a42 keys revoke/ceiling</c>: the change would change nothing (the key is revoked already, the ceiling is that already).</summary>
    public const string KeysNothingToChange = "A42-KEYS-006";
    /// <summary><c>a42 keys revoke-cert</c>: the certificate is not issued by the trust store's development CA.</summary>
    public const string KeysNotIssuedByCa = "A42-KEYS-007";
    /// <summary><c>a42 keys revoke-cert</c>: the certificate's serial is on the revocation list already.</summary>
    public const string KeysAlreadyRevoked = "A42-KEYS-008";
    /// <summary><c>a42 keys revoke-cert</c>: the existing <c>tls/revoked.crl</c> is unreadable or not signed by the development CA.</summary>
    public const string KeysBadRevocationList = "A42-KEYS-009";
    /// <summary>The benchmark program (<c>tests/Article42.Mesh.Benchmarks</c>): an unknown command or option, or an option without its value.</summary>
    public const string BenchUsage = "A42-BENCH-001";
    /// <summary>The benchmark program: an option's value is not what it takes.</summary>
    public const string BenchBadValue = "A42-BENCH-002";
    /// <summary>The benchmark program could not run (a mesh or a server did not start, a fill never completed).</summary>
    public const string BenchNotRun = "A42-BENCH-003";
    /// <summary><c>a42 bench</c> was given a participant that is not a bench participant (kind <c>bench</c>, id <c>BENCH-...</c>).</summary>
    public const string BenchNotBenchParticipant = "A42-BENCH-004";
    /// <summary>The trust store holds fewer bench participants with private keys than <c>a42 bench</c> needs (<c>a42 keys init --bench N</c> adds them).</summary>
    public const string BenchTooFewParticipants = "A42-BENCH-005";

    // Scenario files (a42 exercise validate and run): each problem of a scenario has its own code; a payload the
    // protocol refuses keeps the protocol's code (A42-JSON-*, A42-ENV-*, A42-BODY-*).
    /// <summary>Not a scenario file at all: not YAML, not UTF-8 text, larger than 1 MiB, nested deeper than 32, YAML anchors or aliases, or not exactly one document.</summary>
    public const string ScenarioUnreadable = "A42-SCN-001";
    /// <summary>A field the scenario format does not have (with the nearest known names).</summary>
    public const string ScenarioUnknownField = "A42-SCN-002";
    /// <summary>A required field is missing.</summary>
    public const string ScenarioMissingField = "A42-SCN-003";
    /// <summary>A value of the wrong shape or format: not a text, number, time, duration, list, mapping or id as the field needs.</summary>
    public const string ScenarioBadValue = "A42-SCN-004";
    /// <summary>A value that is not one of the allowed names (a kind, precedence, threat, mode, level), with the nearest ones.</summary>
    public const string ScenarioUnknownName = "A42-SCN-005";
    /// <summary>A participant id the registry does not hold (with the nearest ids, or the id of a country written by its ISO code).</summary>
    public const string ScenarioUnknownParticipant = "A42-SCN-006";
    /// <summary>A reference to an inject, expectation or activation the scenario does not define.</summary>
    public const string ScenarioUnknownReference = "A42-SCN-007";
    /// <summary>An id given twice (inject, expectation, activation, objective).</summary>
    public const string ScenarioDuplicateId = "A42-SCN-008";
    /// <summary>A rule of exercises broken: someone who does not play acts, a kind EXCON or the runner owns, an inject after ENDEX, operation mode.</summary>
    public const string ScenarioRuleBroken = "A42-SCN-009";
    /// <summary><c>a42 exercise replay</c>: the arrival log cannot be replayed: not an arrival log (not JSON of its shape, larger than 64 MiB), a compression out of range, a submit without its message id, or the log of another exercise than the scenario's.</summary>
    public const string ScenarioBadArrivalLog = "A42-SCN-010";

    // Silo start-up (the host's ConfigErrorCodes names them).
    /// <summary><c>Profile</c> is not embedded, cluster or kubernetes.</summary>
    public const string ConfigUnknownProfile = "A42-CFG-001";
    /// <summary>A required setting is missing.</summary>
    public const string ConfigMissing = "A42-CFG-002";
    /// <summary>Not a port number.</summary>
    public const string ConfigBadPort = "A42-CFG-003";
    /// <summary>Not an IP address.</summary>
    public const string ConfigBadAddress = "A42-CFG-004";
    /// <summary>Not a usable connection string.</summary>
    public const string ConfigBadConnectionString = "A42-CFG-005";
    /// <summary>A value of the wrong type, or a misspelt key.</summary>
    public const string ConfigBadValue = "A42-CFG-006";
    /// <summary>Two endpoints on the same port.</summary>
    public const string ConfigPortClash = "A42-CFG-007";
    /// <summary>Outside the embedded profile, no <c>Http:OperatorToken</c>: <c>/metrics</c> and <c>/dashboard</c> answer only with it.</summary>
    public const string ConfigHttpWithoutCredential = "A42-CFG-008";
    /// <summary>Trust store or registry missing or unusable.</summary>
    public const string ConfigBadTrustStore = "A42-CFG-009";
    /// <summary>Cluster secret or HTTP operator token too short.</summary>
    public const string ConfigWeakSecret = "A42-CFG-010";
    /// <summary>Journal schema not a lower-case SQL identifier.</summary>
    public const string ConfigBadSchema = "A42-CFG-011";
    /// <summary>Data directory cannot be created or written.</summary>
    public const string ConfigBadDirectory = "A42-CFG-012";
    /// <summary>Unknown flag, flag without a value, or stray argument.</summary>
    public const string ConfigBadCommandLine = "A42-CFG-013";
    /// <summary>A TLS certificate, key or CA file is missing or unreadable.</summary>
    public const string ConfigBadCertificate = "A42-CFG-014";
    /// <summary>A TLS certificate (or its CA) is expired or not yet valid.</summary>
    public const string ConfigCertificateNotValidNow = "A42-CFG-015";
    /// <summary>The silo certificate does not chain to the CA, or is not for server and client authentication.</summary>
    public const string ConfigCertificateNotTrusted = "A42-CFG-016";
    /// <summary>TLS or mutual TLS turned off where it is required.</summary>
    public const string ConfigTlsRequired = "A42-CFG-017";
    /// <summary>A <c>Faults:*</c> setting (the fault suite's journal that loses messages on purpose): only the suite's own silo host honours it.</summary>
    public const string ConfigFaultInjectionRefused = "A42-CFG-018";
    /// <summary><c>Tls:RevocationList</c> is missing (when set), unreadable, or not an X.509 revocation list (PEM or DER).</summary>
    public const string ConfigBadRevocationList = "A42-CFG-019";
    /// <summary>A revocation list not signed by a CA of <c>Tls:CaCertificate</c> (another issuer, a bad signature, a CA without cRLSign), or, on reload, older than the one in use.</summary>
    public const string ConfigRevocationListNotTrusted = "A42-CFG-020";
    /// <summary>The journal could not be opened: exit 1.</summary>
    public const string RunJournalUnavailable = "A42-RUN-001";
    /// <summary>The silo could not start: exit 1.</summary>
    public const string RunSiloStartFailed = "A42-RUN-002";
    /// <summary>Redis does not answer: exit 1.</summary>
    public const string RunRedisUnavailable = "A42-RUN-003";
}
