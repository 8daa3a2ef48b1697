using System.Threading.Channels;

namespace Article42.Mesh.Storage.GroupCommit;

/// <summary>
/// The single writer of a journal: whatever writes are queued when it wakes go into one transaction, so
/// concurrent appenders share a commit and its fsync instead of paying one each.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> pending =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IWriteStore store;
    private readonly TimeProvider time;
    private readonly int maxGroupEntries;
    private readonly Task loop;
    private long transactions;
    private long operations;
    private long rows;

    public GroupCommitWriter(IWriteStore store, TimeProvider time, int maxGroupEntries)
    {
        this.store = store;
        this.time = time;
        this.maxGroupEntries = maxGroupEntries;
        loop = Task.Run(RunAsync);
    }

    public JournalStatistics Statistics =>
        new(Interlocked.Read(ref transactions), Interlocked.Read(ref operations), Interlocked.Read(ref rows));

    public Task<T> SubmitAsync<T>(PendingWrite<T> write)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(write.CancellationToken);
        }

        if (!pending.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(IMessageJournal), "The journal is closed.");
        }

        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = pending.Reader;
        var group = new List<PendingWrite>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var size = 0;

            // The first write always goes, however big; later ones join while the group has room.
            while ((group.Count == 0 || size < maxGroupEntries) && reader.TryRead(out var write))
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
            await store.CommitAsync(group, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref transactions);
            Interlocked.Add(ref operations, group.Count);
            Interlocked.Add(ref rows, size);
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
