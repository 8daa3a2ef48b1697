namespace Article42.Mesh.Grains;

/// <summary>Configuration section <c>Delivery</c>: batching, retries, backpressure and session lifetimes.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Most messages in one delivery batch to one recipient.</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>Most messages one fetch hands out.</summary>
    public int MaxFetch { get; set; } = 500;

    /// <summary>First retry delay; later ones grow exponentially with jitter up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomizes retry delays so senders retrying one recipient do not retry in lockstep.</summary>
    public bool RetryJitter { get; set; } = true;

    /// <summary>How long one delivery call may take before it counts as failed (the recipient dedupes a late success).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a message without <c>expires_at</c> is retried before its recipient gets an UNREACHABLE NDR.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Sustained ROUTINE..IMMEDIATE submits per second one sender may make (FLASH and OVERRIDE have their own rate).</summary>
    public double SenderRatePerSecond { get; set; } = 200;

    /// <summary>Submits a sender may make at once before the rate applies.</summary>
    public int SenderBurst { get; set; } = 400;

    /// <summary>Unacknowledged messages a recipient's inbox may hold before ROUTINE..IMMEDIATE traffic to it is refused.</summary>
    public long InboxCap { get; set; } = 100_000;

    /// <summary>FLASH and OVERRIDE submits a sender may make at once, apart from its ROUTINE burst (<see cref="MeshDefaults.UrgentSenderBurst"/>).</summary>
    public int UrgentSenderBurst { get; set; } = MeshDefaults.UrgentSenderBurst;

    /// <summary>Sustained FLASH and OVERRIDE submits per second one sender may make (<see cref="MeshDefaults.UrgentSenderRatePerSecond"/>).</summary>
    public double UrgentSenderRatePerSecond { get; set; } = MeshDefaults.UrgentSenderRatePerSecond;

    /// <summary>Unacknowledged FLASH and OVERRIDE messages an inbox may hold before more urgent traffic to it is refused (<see cref="MeshDefaults.UrgentInboxShare"/>).</summary>
    public long UrgentInboxShare { get; set; } = MeshDefaults.UrgentInboxShare;

    /// <summary>Comma-separated participant ids that may send any kind at FLASH or OVERRIDE (<see cref="MeshDefaults.PrecedenceAuthorities"/>).</summary>
    public string PrecedenceAuthorities { get; set; } = MeshDefaults.PrecedenceAuthorities;

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each silo's keeper wakes every participant (recovery backstop).</summary>
    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Bytes of message bodies one participant activation holds in memory, its outbox lanes and inbox together (issue
    /// #18): within it a delivery and a fetch read nothing; rows past it keep only their position and are read from the
    /// journal when their turn comes.
    /// </summary>
    public long HeldBytesCap { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How long a sender's delivery records wait to ride on its next write before one checkpoint writes them (issue #18):
    /// a sender that writes more often than this pays no write of its own for them; its delivery reports come this late at most.
    /// </summary>
    public TimeSpan CheckpointDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
