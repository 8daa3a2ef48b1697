namespace Article42.Mesh.Gateway;

/// <summary>
/// A durable record of the message ids an application has processed, for an application that must never process a
/// message twice: after a gateway crash or restart the mesh hands every unacknowledged message again
/// (<see cref="InboxMessage.Redelivered"/>), including ones the application processed and did not get to acknowledge.
/// Mark a message before acting on it (<see cref="TryMark"/>: flushed to disk first), skip it when the mark was there,
/// and tell the record what was acknowledged (<see cref="Acknowledged"/>): the mesh never hands those out again, so
/// they are forgotten in time and the file stays the size of the unacknowledged inbox plus a window of recent ids.
/// </summary>
/// <remarks>
/// <c>processed.log</c> in the directory (it may be the gateway's <see cref="MeshGatewayOptions.StateDirectory"/>),
/// held by one process at a time (<c>processed.lock</c>). The price of marking first: a crash between the mark and the
/// work leaves that one message marked and not processed; it is still in the mesh's inbox, unacknowledged.
/// </remarks>
public sealed class ProcessedMessages : IDisposable
{
    /// <summary>The file the ids are kept in.</summary>
    public const string FileName = "processed.log";
    private const string LockName = "processed.lock";
    private readonly HandedLog _log;

    private ProcessedMessages(HandedLog log) => _log = log;

    /// <summary>Opens (or creates) the record in <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidOperationException">Another process holds the record in this directory.</exception>
    public static ProcessedMessages Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new ProcessedMessages(HandedLog.Open(directory, FileName, LockName));
    }

    /// <summary>True when <paramref name="messageId"/> is marked (before a restart too).</summary>
    public bool Contains(string messageId) => _log.Contains(messageId);

    /// <summary>
    /// Marks <paramref name="messageId"/> as processed, on disk before returning; false when it was marked already (in this
    /// process or before a restart): then do not process it again, only acknowledge it.
    /// </summary>
    public bool TryMark(string messageId)
    {
        // The log reads back message ids only (ULIDs): anything else would be marked now and forgotten at the next start.
        if (!Ulid.IsValid(messageId))
            throw new ArgumentException($"'{messageId}' is not a message id (a ULID)", nameof(messageId));
        return _log.TryHand(messageId) == Handing.Fresh;
    }

    /// <summary>Records that the mesh acknowledged these messages: it never hands them out again, so their ids can go in time.</summary>
    public void Acknowledged(IReadOnlyCollection<string> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        _log.Acknowledged(messageIds);
    }

    /// <summary>Closes the file and releases the lock.</summary>
    public void Dispose() => _log.Dispose();
}
