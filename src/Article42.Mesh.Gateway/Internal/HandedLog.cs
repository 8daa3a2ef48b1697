using System.Text;

namespace Article42.Mesh.Gateway;

/// <summary>
/// The ids of messages already handed to the application, so that none is handed twice within a gateway's lifetime:
/// the mesh hands every unacknowledged message to each new consuming session, and a gateway opens a new one after
/// every failover or reconnect. With a state directory the ids go to <c>handed.log</c> (<c>+id</c> handed, <c>-id</c>
/// acknowledged), written and flushed to disk before the application gets the message, and read back on start: a
/// message handed before the restart and never acknowledged is handed again once, flagged redelivered
/// (<see cref="Handing.Again"/>), never withheld, so a crash loses nothing; acknowledged ids are forgotten after a
/// while (the mesh never hands them out again), so the log is compacted on start.
/// </summary>
internal sealed class HandedLog : IDisposable
{
    public const string FileName = "handed.log";
    private const string LockName = "gateway.lock";
    // Acknowledged ids kept a while longer: a fetch already under way when the acknowledgement landed may still carry one.
    private const int AcknowledgedKept = 10_000;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _handed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _handedBeforeRestart = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly Queue<string> _acknowledgedOrder = new();
    private readonly FileStream? _lockFile;
    private readonly FileStream? _log;

    private HandedLog(FileStream? lockFile, FileStream? log)
    {
        _lockFile = lockFile;
        _log = log;
    }

    /// <summary>In memory only.</summary>
    public static HandedLog InMemory() => new(null, null);

    /// <summary>
    /// Loads and compacts <c>handed.log</c> in <paramref name="directory"/>; holds a lock file there so that two gateways
    /// never share one state directory.
    /// </summary>
    public static HandedLog Open(string directory) => Open(directory, FileName, LockName);

    /// <summary>The same log under other names (<see cref="ProcessedMessages"/> keeps one beside the gateway's).</summary>
    public static HandedLog Open(string directory, string fileName, string lockName)
    {
        Directory.CreateDirectory(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, lockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"{directory} is the state directory of another running gateway", ex);
        }
        var path = Path.Combine(directory, fileName);
        var (handed, acknowledged) = Read(path);
        var compacted = path + ".new";
        using (var writer = new FileStream(compacted, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var text = new StringBuilder();
            foreach (var id in handed)
                text.Append('+').Append(id).Append('\n');
            writer.Write(Encoding.UTF8.GetBytes(text.ToString()));
            writer.Flush(flushToDisk: true);
        }
        File.Move(compacted, path, overwrite: true);
        var log = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var result = new HandedLog(lockFile, log);
        foreach (var id in handed)
            result._handedBeforeRestart.Add(id);
        foreach (var id in acknowledged.TakeLast(AcknowledgedKept))
            result.RememberAcknowledged(id);
        return result;
    }

    /// <summary>True when the message was handed to the application already, in this lifetime or before a restart (or acknowledged recently).</summary>
    public bool Contains(string messageId)
    {
        lock (_lock)
            return _handed.Contains(messageId) || _handedBeforeRestart.Contains(messageId) || _acknowledged.Contains(messageId);
    }

    /// <summary>True when the message was handed to the application in this lifetime (or acknowledged recently): it is not handed again.</summary>
    public bool IsHandedNow(string messageId)
    {
        lock (_lock)
            return _handed.Contains(messageId) || _acknowledged.Contains(messageId);
    }

    /// <summary>True when this gateway acknowledged the message recently.</summary>
    public bool IsAcknowledged(string messageId)
    {
        lock (_lock)
            return _acknowledged.Contains(messageId);
    }

    /// <summary>
    /// Records the message as handed, durably, before the application gets it. <see cref="Handing.Again"/> for a message
    /// handed before a restart: its <c>+id</c> is on disk already, so nothing is written.
    /// </summary>
    public Handing TryHand(string messageId)
    {
        lock (_lock)
        {
            if (_handed.Contains(messageId) || _acknowledged.Contains(messageId))
                return Handing.Withheld;
            if (_handedBeforeRestart.Remove(messageId))
            {
                _handed.Add(messageId);
                return Handing.Again;
            }
            Append('+', [messageId]);
            _handed.Add(messageId);
            return Handing.Fresh;
        }
    }

    /// <summary>Records acknowledgements: the mesh will not hand these out again, so they can be forgotten in time.</summary>
    public void Acknowledged(IReadOnlyCollection<string> messageIds)
    {
        lock (_lock)
        {
            Append('-', messageIds);
            foreach (var id in messageIds)
            {
                _handed.Remove(id);
                _handedBeforeRestart.Remove(id);
                RememberAcknowledged(id);
            }
        }
    }

    public void Dispose()
    {
        _log?.Dispose();
        _lockFile?.Dispose();
    }

    private void RememberAcknowledged(string id)
    {
        if (!_acknowledged.Add(id))
            return;
        _acknowledgedOrder.Enqueue(id);
        if (_acknowledgedOrder.Count > AcknowledgedKept)
            _acknowledged.Remove(_acknowledgedOrder.Dequeue());
    }

    private void Append(char mark, IEnumerable<string> ids)
    {
        if (_log is null)
            return;
        var text = new StringBuilder();
        foreach (var id in ids)
            text.Append(mark).Append(id).Append('\n');
        _log.Write(Encoding.UTF8.GetBytes(text.ToString()));
        _log.Flush(flushToDisk: true);
    }

    // Handed and not acknowledged, in the order handed; and the acknowledged, oldest first. A torn last line (a crash
    // mid-write) is ignored: its message was not yet given to the application.
    private static (List<string> Handed, List<string> Acknowledged) Read(string path)
    {
        var handed = new List<string>();
        var open = new HashSet<string>(StringComparer.Ordinal);
        var acknowledged = new List<string>();
        if (!File.Exists(path))
            return (handed, acknowledged);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length < 2 || !Ulid.IsValid(line[1..]))
                continue;
            var id = line[1..];
            if (line[0] == '+' && open.Add(id))
                handed.Add(id);
            else if (line[0] == '-')
            {
                open.Remove(id);
                acknowledged.Add(id);
            }
        }
        return ([.. handed.Where(open.Contains)], acknowledged);
    }
}
