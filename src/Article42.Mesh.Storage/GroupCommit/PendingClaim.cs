namespace Article42.Mesh.Storage.GroupCommit;

internal sealed class PendingClaim : PendingWrite<ClaimResult>
{
    public PendingClaim(string messageId, string owner, byte[] contentHash, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(contentHash);
        MessageId = messageId;
        Owner = owner;
        ContentHash = contentHash;
    }

    public string MessageId { get; }

    public string Owner { get; }

    public byte[] ContentHash { get; }

    /// <summary>Decides the outcome from the row that holds the id (the caller's own, when it was free).</summary>
    public ClaimResult Decide(MessageIdClaim holder, bool inserted) =>
        inserted ? new ClaimResult.Claimed(holder)
        : holder.Owner == Owner && holder.ContentHash.AsSpan().SequenceEqual(ContentHash) ? new ClaimResult.AlreadyClaimed(holder)
        : new ClaimResult.Refused(holder);
}
