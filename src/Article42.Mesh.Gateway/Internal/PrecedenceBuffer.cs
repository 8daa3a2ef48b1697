using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Article42.Mesh.Gateway;

/// <summary>
/// The gateway's receive buffer: bounded, like the channel it replaced, but read highest precedence first and in arrival
/// order within a precedence (the mesh's fetch order), so a FLASH fetched after ROUTINE messages that still wait for the
/// application is handed out before them (issue 18; docs/design/architecture.md §4). One writer, the inbox pump.
/// </summary>
internal sealed class PrecedenceBuffer : ChannelReader<InboxMessage>
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<InboxMessage, (int Rank, long Arrival)> _messages = new();
    private readonly SemaphoreSlim _free;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _readable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _arrivals;
    private bool _done;
    private Exception? _error;

    public PrecedenceBuffer(int capacity) => _free = new SemaphoreSlim(capacity, capacity);

    public override Task Completion => _completion.Task;

    public override bool CanCount => true;

    public override int Count
    {
        get
        {
            lock (_gate)
                return _messages.Count;
        }
    }

    /// <summary>Adds a message, waiting while the buffer is full (the pump stops fetching until the application reads).</summary>
    public async ValueTask WriteAsync(InboxMessage message, CancellationToken cancellation)
    {
        await _free.WaitAsync(cancellation).ConfigureAwait(false);
        lock (_gate)
        {
            if (_done)
            {
                _free.Release();
                throw new ChannelClosedException();
            }
            // The highest precedence has the lowest rank; within a precedence the first to arrive goes first.
            _messages.Enqueue(message, (-(int)message.Precedence, _arrivals++));
            _readable.TrySetResult();
        }
    }

    public override bool TryRead([MaybeNullWhen(false)] out InboxMessage item)
    {
        lock (_gate)
        {
            if (!_messages.TryDequeue(out item, out _))
                return false;
            if (_done && _messages.Count == 0)
                Finish();
        }
        _free.Release();
        return true;
    }

    public override async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task readable;
            lock (_gate)
            {
                if (_messages.Count > 0)
                    return true;
                if (_done)
                {
                    // As a channel does: a reader of a buffer completed with an error hears that error.
                    if (_error is not null)
                        ExceptionDispatchInfo.Throw(_error);
                    return false;
                }
                if (_readable.Task.IsCompleted)
                    _readable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                readable = _readable.Task;
            }
            await readable.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No more messages: readers drain what is buffered, then stop (or hear <paramref name="error"/>).</summary>
    public bool TryComplete(Exception? error = null)
    {
        lock (_gate)
        {
            if (_done)
                return false;
            (_done, _error) = (true, error);
            _readable.TrySetResult();
            if (_messages.Count == 0)
                Finish();
            return true;
        }
    }

    private void Finish()
    {
        if (_error is null)
            _completion.TrySetResult();
        else
            _completion.TrySetException(_error);
    }
}
