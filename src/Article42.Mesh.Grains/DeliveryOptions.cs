using System.ComponentModel.DataAnnotations;

namespace Article42.Mesh.Grains;

/// <summary>
/// Configuration section <c>Delivery</c>: batching, retries, backpressure and session lifetimes. Each number and
/// duration carries its range; a setting outside it stops the silo at start (A42-CFG-006), since a zero batch, a
/// negative cap or a retry delay of a year would otherwise fail inside the first delivery, or never.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Most messages in one delivery batch to one recipient.</summary>
    [Range(1, 10_000)]
    public int MaxBatch { get; set; } = 64;

    /// <summary>Most messages one fetch hands out.</summary>
    [Range(1, 10_000)]
    public int MaxFetch { get; set; } = 500;

    /// <summary>First retry delay; later ones grow exponentially with jitter up to <see cref="RetryMaxDelay"/>.</summary>
    [DurationRange("00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [DurationRange("00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomizes retry delays so senders retrying one recipient do not retry in lockstep.</summary>
    public bool RetryJitter { get; set; } = true;

    /// <summary>How long one delivery call may take before it counts as failed (the recipient dedupes a late success).</summary>
    [DurationRange("00:00:00.100", "01:00:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a message without <c>expires_at</c> is retried before its recipient gets an UNREACHABLE NDR.</summary>
    [DurationRange("00:00:01", "365.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Sustained ROUTINE..IMMEDIATE submits per second one sender may make (FLASH and OVERRIDE have their own rate).</summary>
    [Range(0.001, 1e9)]
    public double SenderRatePerSecond { get; set; } = 200;

    /// <summary>Submits a sender may make at once before the rate applies.</summary>
    [Range(1, int.MaxValue)]
    public int SenderBurst { get; set; } = 400;

    /// <summary>Unacknowledged messages a recipient's inbox may hold before ROUTINE..IMMEDIATE traffic to it is refused.</summary>
    [Range(typeof(long), "1", "1000000000")]
    public long InboxCap { get; set; } = 100_000;

    /// <summary>FLASH and OVERRIDE submits a sender may make at once, apart from its ROUTINE burst (<see cref="MeshDefaults.UrgentSenderBurst"/>).</summary>
    [Range(1, int.MaxValue)]
    public int UrgentSenderBurst { get; set; } = MeshDefaults.UrgentSenderBurst;

    /// <summary>Sustained FLASH and OVERRIDE submits per second one sender may make (<see cref="MeshDefaults.UrgentSenderRatePerSecond"/>).</summary>
    [Range(0.001, 1e9)]
    public double UrgentSenderRatePerSecond { get; set; } = MeshDefaults.UrgentSenderRatePerSecond;

    /// <summary>Unacknowledged FLASH and OVERRIDE messages an inbox may hold before more urgent traffic to it is refused (<see cref="MeshDefaults.UrgentInboxShare"/>).</summary>
    [Range(typeof(long), "1", "1000000000")]
    public long UrgentInboxShare { get; set; } = MeshDefaults.UrgentInboxShare;

    /// <summary>Comma-separated participant ids that may send any kind at FLASH or OVERRIDE (<see cref="MeshDefaults.PrecedenceAuthorities"/>).</summary>
    public string PrecedenceAuthorities { get; set; } = MeshDefaults.PrecedenceAuthorities;

    [DurationRange("00:00:01", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    [DurationRange("00:00:01", "01:00:00")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each silo's keeper wakes every participant (recovery backstop).</summary>
    [DurationRange("00:00:01", "1.00:00:00")]
    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Bytes of message bodies one participant activation holds in memory, its outbox lanes and inbox together (issue
    /// #18): within it a delivery and a fetch read nothing; rows past it keep only their position and are read from the
    /// journal when their turn comes.
    /// </summary>
    [Range(typeof(long), "0", "4294967296")]
    public long HeldBytesCap { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How long a sender's delivery records wait to ride on its next write before one checkpoint writes them (issue #18):
    /// a sender that writes more often than this pays no write of its own for them; its delivery reports come this late at most.
    /// </summary>
    [DurationRange("00:00:00.001", "01:00:00")]
    public TimeSpan CheckpointDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
