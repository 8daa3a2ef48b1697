namespace Article42.Mesh.Storage;

/// <summary>
/// Outcome of <see cref="IMessageJournal.ClaimAndAppendAsync"/>: the message-id claim and the append commit together
/// or not at all, so an id is never held by a message that was not stored, nor a message stored under an id it lost.
/// </summary>
public abstract record ClaimedAppendResult
{
    private ClaimedAppendResult()
    {
    }

    /// <summary>The id was free: it is now the caller's, and the entries are durable at <paramref name="NewVersion"/>.</summary>
    public sealed record Appended(MessageIdClaim Claim, long NewVersion, DateTimeOffset At) : ClaimedAppendResult;

    /// <summary>
    /// Nothing was written: the id is held already (<see cref="ClaimResult.AlreadyClaimed"/> for the same owner and
    /// content, a retry; <see cref="ClaimResult.Refused"/> otherwise).
    /// </summary>
    public sealed record NotClaimed(ClaimResult Claim) : ClaimedAppendResult;

    /// <summary>Nothing was written, the id not claimed: the stream was at <paramref name="Actual"/>, not <paramref name="Expected"/>.</summary>
    public sealed record Conflict(long Expected, long Actual) : ClaimedAppendResult;
}
