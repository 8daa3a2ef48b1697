namespace Article42.Mesh.Storage.GroupCommit;

internal sealed class PendingSnapshot : PendingWrite<bool>
{
    public PendingSnapshot(string streamId, long version, byte[] state, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentNullException.ThrowIfNull(state);
        StreamId = streamId;
        Version = version;
        State = state;
    }

    public string StreamId { get; }

    public long Version { get; }

    public byte[] State { get; }
}
