using System.Threading.Channels;

namespace Article42.Mesh.Storage.GroupCommit;

/// <summary>
/// The single writer of a journal: whatever writes are queued when it wakes go into one transaction, so
/// concurrent appenders share a commit and its fsync instead of paying one each.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _pending =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IWriteStore _store;
    private readonly TimeProvider _time;
    private readonly int _maxGroupEntries;
    private readonly Task _loop;
    private long _transactions;
    private long _operations;
    private long _rows;

    public GroupCommitWriter(IWriteStore store, TimeProvider time, int maxGroupEntries)
    {
        _store = store;
        _time = time;
        _maxGroupEntries = maxGroupEntries;
        _loop = Task.Run(RunAsync);
    }

    public JournalStatistics Statistics =>
        new(Interlocked.Read(ref _transactions), Interlocked.Read(ref _operations), Interlocked.Read(ref _rows));

    public Task<T> SubmitAsync<T>(PendingWrite<T> write)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(write.CancellationToken);
        }

        if (!_pending.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(IMessageJournal), "The journal is closed.");
        }

        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _pending.Reader;
        var group = new List<PendingWrite>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var size = 0;

            // The first write always goes, however big; later ones join while the group has room.
            while ((group.Count == 0 || size < _maxGroupEntries) && reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Cancel();
                    continue;
                }

                group.Add(write);
                size += write.EntryCount;
            }

            if (group.Count > 0)
            {
                await CommitAsync(group, size).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> group, int size)
    {
        try
        {
            await _store.CommitAsync(group, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _transactions);
            Interlocked.Add(ref _operations, group.Count);
            Interlocked.Add(ref _rows, size);
            foreach (var write in group)
            {
                write.Complete();
            }
        }
#pragma warning disable CA1031 // The writer must outlive any one group's failure; the callers get the exception.
        catch (Exception error)
#pragma warning restore CA1031
        {
            foreach (var write in group)
            {
                write.Fail(error);
            }
        }
    }
}
