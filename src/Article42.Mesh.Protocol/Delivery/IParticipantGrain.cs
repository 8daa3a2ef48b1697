namespace Article42.Mesh.Protocol;

/// <summary>
/// One participant's mailbox in the mesh (key: participant id, e.g. <c>FR</c>): the outbox of what it sent, the
/// inbox it holds for its gateway, its sessions. Gateway methods need a session opened with a signed challenge;
/// methods marked <see cref="SiloOnlyAttribute"/> refuse callers without the cluster secret.
/// </summary>
[Alias("a42.participant-grain")]
public interface IParticipantGrain : IGrainWithStringKey
{
    /// <summary>A fresh, single-use nonce to sign for <see cref="OpenSessionAsync"/>.</summary>
    [Alias("challenge")]
    ValueTask<SessionChallenge> ChallengeAsync();

    /// <summary>Opens a session from a signed challenge; a consuming session supersedes the previous one.</summary>
    [Alias("open-session")]
    ValueTask<SessionOutcome> OpenSessionAsync(SessionProof proof);

    /// <summary>Extends a live session.</summary>
    [Alias("renew-session")]
    ValueTask<SessionOutcome> RenewSessionAsync(string token);

    /// <summary>Accepts a message durably and returns its receipt, or refuses it with every reason.</summary>
    [Alias("submit")]
    ValueTask<SubmitOutcome> SubmitAsync(string token, Envelope envelope);

    /// <summary>
    /// Unacknowledged inbox messages not yet handed to this session, highest precedence first; one handed to an earlier
    /// session of this activation comes flagged <see cref="InboxMessage.Redelivered"/>.
    /// </summary>
    [Alias("fetch")]
    ValueTask<FetchOutcome> FetchAsync(string token, int max);

    /// <summary>Acknowledges messages the gateway's application has processed; they are never handed out again.</summary>
    [Alias("acknowledge")]
    ValueTask<AckOutcome> AcknowledgeAsync(string token, ImmutableArray<string> messageIds);

    /// <summary>
    /// Delivery and non-delivery reports on what this participant sent, after a feed position. One read looks at a
    /// bounded number of entries: resume from the outcome's <see cref="ReportsOutcome.ReadUpTo"/>, not from the last
    /// report's position, or a stretch of other entries longer than the bound is read again and again.
    /// </summary>
    [Alias("reports")]
    ValueTask<ReportsOutcome> ReportsAsync(string token, long afterPosition, int max);

    /// <summary>Rings <paramref name="doorbell"/> (best effort) whenever the inbox gains a message.</summary>
    [Alias("subscribe")]
    ValueTask<MeshError?> SubscribeAsync(string token, IInboxDoorbell doorbell);

    /// <summary>
    /// The registry's public keys with their ids (issue #21), so a gateway can verify the messages it receives against
    /// the key each was accepted under. Any live session may ask.
    /// </summary>
    [Alias("registry-keys")]
    ValueTask<RegistryKeysOutcome> RegistryKeysAsync(string token);

    /// <summary>Silo-only: stores a batch from another participant's outbox in this inbox, deduplicated.</summary>
    [Alias("deliver"), SiloOnly]
    ValueTask<DeliveryOutcome> DeliverAsync(DeliveryBatch batch);

    /// <summary>
    /// Silo-only: the number of unacknowledged messages in this inbox, for a sender's backpressure. Interleaves: two
    /// participants submitting to each other ask each other's backlog inside their submit turns.
    /// </summary>
    [Alias("backlog"), SiloOnly, Orleans.Concurrency.AlwaysInterleave]
    ValueTask<long> BacklogAsync();

    /// <summary>
    /// Silo-only: the number of unacknowledged FLASH and OVERRIDE messages in this inbox, for a sender's backpressure.
    /// Interleaves, because a sender asks it during its own submit, and two participants submitting to each other
    /// would otherwise wait on each other.
    /// </summary>
    [Alias("urgent-backlog"), SiloOnly, Orleans.Concurrency.AlwaysInterleave]
    ValueTask<long> UrgentBacklogAsync();

    /// <summary>
    /// Silo-only: reserves declared inventory for a commitment, across all activations; null when it fits. Interleaves,
    /// because it is asked while this participant's own COMMITMENT is being judged.
    /// </summary>
    [Alias("reserve"), SiloOnly, Orleans.Concurrency.AlwaysInterleave]
    ValueTask<MeshError?> ReserveAsync(Reservation reservation);

    /// <summary>Silo-only: gives a reservation back (offer withdrawn after commitment, or asset returned).</summary>
    [Alias("release"), SiloOnly, Orleans.Concurrency.AlwaysInterleave]
    ValueTask ReleaseAsync(string activationId, string offerId);

    /// <summary>Silo-only: escalates the receipts whose 50% or 100% deadline has passed (its own timer calls it).</summary>
    [Alias("escalate"), SiloOnly]
    ValueTask EscalateDueAsync();

    /// <summary>Silo-only: the participant's gateway and inbox as <c>a42 status</c> shows them.</summary>
    [Alias("describe"), SiloOnly]
    ValueTask<ParticipantStatus> DescribeAsync();

    /// <summary>Silo-only: activates the grain so it resumes pending deliveries (the keeper's poke).</summary>
    [Alias("wake"), SiloOnly]
    ValueTask WakeAsync();

    /// <summary>
    /// The operator-signed registry document this silo applied, as signed (issue #21), for the gateway to check against
    /// the operator's public key; <see cref="ErrorCodes.RegistryUnsigned"/> when the silo runs on an unsigned registry.
    /// Any live session may ask.
    /// </summary>
    [Alias("registry-document")]
    ValueTask<RegistryDocumentOutcome> RegistryDocumentAsync(string token);

    /// <summary>
    /// Submit, version 2 (issue #18): the envelope as its canonical bytes, signature and trace included, exactly as the
    /// mesh stores them (schemas/canonical-json.md). The silo decodes them strictly once, refuses bytes that are not the
    /// canonical form (<see cref="ErrorCodes.NotCanonical"/>), verifies the signature over the bytes received and stores
    /// them as they came; otherwise the same as <see cref="SubmitAsync"/>, which stays for gateways that send values.
    /// </summary>
    [Alias("submit-signed")]
    ValueTask<SubmitOutcome> SubmitSignedAsync(string token, byte[] document);
}
