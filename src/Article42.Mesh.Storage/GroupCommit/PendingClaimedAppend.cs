namespace Article42.Mesh.Storage.GroupCommit;

/// <summary>A claim and an append that a store runs as one: the append only on a new claim, the claim only with the append.</summary>
internal sealed class PendingClaimedAppend : PendingWrite<ClaimedAppendResult>
{
    public PendingClaimedAppend(
        string messageId,
        string owner,
        byte[] contentHash,
        string streamId,
        long expectedVersion,
        IReadOnlyList<JournalEntry> entries,
        IReadOnlyList<QueueChange>? queueChanges,
        CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        Claim = new PendingClaim(messageId, owner, contentHash, cancellationToken);
        Append = new PendingAppend(streamId, expectedVersion, entries, queueChanges, cancellationToken);
    }

    /// <summary>The claim's half; only its data and its <see cref="PendingClaim.Decide"/> are used, never its task.</summary>
    public PendingClaim Claim { get; }

    /// <summary>The append's half; only its data is used, never its task.</summary>
    public PendingAppend Append { get; }

    public override int EntryCount => Append.EntryCount + 1;
}
