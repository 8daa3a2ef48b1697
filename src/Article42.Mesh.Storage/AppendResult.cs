namespace Article42.Mesh.Storage;

/// <summary>Outcome of an append: a stale expected version is an expected outcome, not an exception.</summary>
public abstract record AppendResult
{
    private AppendResult()
    {
    }

    /// <summary>The entries are durable; the stream is now at <paramref name="NewVersion"/>; <paramref name="At"/> is the timestamp they were stored with.</summary>
    public sealed record Appended(long NewVersion, DateTimeOffset At) : AppendResult;

    /// <summary>Nothing was written: the stream was at <paramref name="Actual"/>, not <paramref name="Expected"/>.</summary>
    public sealed record Conflict(long Expected, long Actual) : AppendResult;
}
