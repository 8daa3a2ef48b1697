namespace Article42.Mesh.Storage;

/// <summary>Outcome of claiming a message id, which belongs to one owner and one content for ever.</summary>
public abstract record ClaimResult
{
    private ClaimResult()
    {
    }

    /// <summary>The id was free and is now durably owned by the caller.</summary>
    public sealed record Claimed(MessageIdClaim Claim) : ClaimResult;

    /// <summary>The same owner claimed it before with the same content: a retry; <paramref name="Original"/> says when.</summary>
    public sealed record AlreadyClaimed(MessageIdClaim Original) : ClaimResult;

    /// <summary>Another owner, or the same owner with other content, holds the id.</summary>
    public sealed record Refused(MessageIdClaim Existing) : ClaimResult;
}
