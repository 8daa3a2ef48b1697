using System.Text;

namespace Article42.Mesh.Faults.History;

/// <summary>
/// Appends one client's history, a line per operation, flushed before the call returns: a SIGKILLed client loses at
/// most the line it was writing, and the checker reads every line written before. Thread-safe.
/// </summary>
public sealed class HistoryWriter : IDisposable
{
    private readonly Lock _lock = new();
    private readonly FileStream _file;
    private readonly string _client;
    private readonly TimeProvider _clock;

    public HistoryWriter(string path, string client, TimeProvider clock)
    {
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _client = client;
        _clock = clock;
    }

    /// <summary>Writes <paramref name="entry"/>, stamped now and with this client's name.</summary>
    public HistoryEntry Write(Func<HistoryEntry, HistoryEntry> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            var line = entry(new HistoryEntry { At = _clock.GetUtcNow(), Client = _client, Op = Operation.Start });
            _file.Write(Encoding.UTF8.GetBytes(HistoryJson.Line(line) + "\n"));
            _file.Flush();
            return line;
        }
    }

    public void Dispose() => _file.Dispose();
}
