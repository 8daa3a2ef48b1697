using System.Security.Cryptography;

namespace Article42.Mesh.Gateway;

/// <summary>
/// How a national gateway connects to the mesh and behaves there. Only <see cref="Participant"/> and a key
/// (<see cref="PrivateKey"/> or <see cref="TrustStoreDirectory"/>) are required; everything else has a default
/// that matches a local <c>a42 mesh up</c>.
/// </summary>
public sealed record MeshGatewayOptions
{
    /// <summary>The participant this gateway speaks for, e.g. <c>FR</c>.</summary>
    public required string Participant { get; init; }

    /// <summary>The participant's private key (ECDSA P-256). Takes precedence over <see cref="TrustStoreDirectory"/>.</summary>
    public ECDsa? PrivateKey { get; init; }

    /// <summary>A trust store directory (<c>a42 keys init</c>) holding <c>&lt;Participant&gt;.pem</c>; used when <see cref="PrivateKey"/> is null.</summary>
    public string? TrustStoreDirectory { get; init; }

    /// <summary>How to reach the mesh: its gateway endpoints, cluster ids and TLS. Default: a local <c>a42 mesh up</c>.</summary>
    public MeshConnection Connection { get; init; } = new();

    /// <summary>
    /// Called when a connection attempt found nothing accepting connections at any gateway endpoint of
    /// <see cref="Connection"/>. Null (default): keep retrying. A one-shot tool throws the exception to end connecting with it; a long-running
    /// one says so and returns, and connecting goes on.
    /// </summary>
    public Action<MeshUnreachableException>? OnUnreachable { get; init; }

    /// <summary>
    /// Bound on one grain call. Orleans never retries a call and an external client calling through a dying silo would
    /// otherwise wait 30 s; a call that times out has an unknown outcome and is retried with the same message id.
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <see cref="MeshGateway.SendAsync"/> keeps retrying a message before giving up with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan SendDeadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>First delay between retries of a failed call (exponential backoff with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between retries of a failed call, and between connection attempts.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the inbox is fetched when the doorbell stays silent. The doorbell is best effort (not durable, lost on
    /// failover), so this poll is what guarantees progress.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the delivery-report feed is read while <see cref="MeshGateway.EventsAsync"/> is being enumerated.</summary>
    public TimeSpan ReportPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages per fetch, ids per acknowledgement (the mesh caps both at its <c>Delivery:MaxFetch</c>).</summary>
    public int FetchBatch { get; init; } = 500;

    /// <summary>Fetched messages held for the application before fetching pauses.</summary>
    public int BufferCapacity { get; init; } = 1000;

    /// <summary>
    /// A directory where the gateway remembers which messages it handed to the application and how far it read the
    /// report feed, so that a restarted gateway hands out neither again. Null: remembered in memory only.
    /// </summary>
    public string? StateDirectory { get; init; }

    /// <summary>
    /// True (default): RECEIPT, NON_RECEIPT, ACTION_ACK and ESCALATION_REPORT messages addressed to this gateway are
    /// surfaced as typed events on <see cref="MeshGateway.EventsAsync"/> (and acknowledged once yielded there) rather
    /// than on <see cref="MeshGateway.ReceiveAsync"/>. False: every message comes through <see cref="MeshGateway.ReceiveAsync"/>.
    /// </summary>
    public bool AcknowledgementsAsEvents { get; init; } = true;

    /// <summary>The authority named in RECEIPTs sent on acknowledgement (<c>receipt.authority</c>); null leaves it out.</summary>
    public string? ReceiptAuthority { get; init; }

    /// <summary>
    /// Whether <see cref="MeshGateway.AckAsync(InboxMessage, CancellationToken)"/> sends the RECEIPT a sender asked for
    /// (default). Off for an application that sends its receipts itself, at a human's pace (the exercise runner).
    /// </summary>
    public bool ReceiptsOnAck { get; init; } = true;

    /// <summary>
    /// The operator's public key (the silos' <c>operator.pub</c>), which the registry document the mesh hands the gateway
    /// must be signed with (issue #21). Null: <c>operator.pub</c> of <see cref="TrustStoreDirectory"/> when it holds
    /// one. Without either, received messages cannot be checked and are handed as the mesh gives them.
    /// </summary>
    public ECDsa? OperatorPublicKey { get; init; }

    /// <summary>
    /// True (default): each received message's signature is checked against the key its acceptance recorded, in the
    /// operator-signed registry the gateway verified with <see cref="OperatorPublicKey"/>; one that fails is a
    /// <see cref="ReceivedMessageRejected"/> event, never handed to the application; nothing is fetched until the
    /// gateway holds such a registry. Needs an operator key; false hands every message unchecked.
    /// </summary>
    public bool VerifyReceived { get; init; } = true;

    /// <summary>
    /// True (default): a message goes to the mesh as its signed canonical bytes (submit version 2, issue #18), which the
    /// silo verifies and stores as they are. False sends the envelope as a value (version 1), for silos that predate
    /// version 2 during a rolling upgrade (docs/design/architecture.md, "The submit write").
    /// </summary>
    public bool SendAsBytes { get; init; } = true;

    /// <summary>
    /// How long a send the mesh refused because a rotation replaced the key it was signed with (<c>A42-SIG-006</c>)
    /// waits for <see cref="MeshGateway.ReloadPrivateKey"/>: once the new key is reloaded, the message is signed again
    /// and sent; past the wait, the refusal reaches the caller. Zero refuses at once (a one-shot tool never reloads its
    /// key). A <see cref="SendDeadline"/> that ends first ends the wait with a <see cref="TimeoutException"/>.
    /// </summary>
    public TimeSpan KeyReloadWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the registry document is read again while the inbox runs (also when a message names a key the gateway does not know).</summary>
    public TimeSpan RegistryPollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock for session renewal, polling and backoff.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The Orleans client of <see cref="MeshGateway.ConnectAsync"/>: connection attempts retried until the caller cancels.</summary>
    internal MeshClientOptions ClientOptions() => new()
    {
        Connection = Connection,
        CallTimeout = CallTimeout,
        RetryConnection = true,
        OnUnreachable = OnUnreachable,
        RetryBaseDelay = RetryBaseDelay,
        RetryMaxDelay = RetryMaxDelay,
        TimeProvider = TimeProvider,
    };
}
