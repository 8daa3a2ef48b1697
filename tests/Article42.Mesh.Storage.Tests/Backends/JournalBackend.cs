namespace Article42.Mesh.Storage.Tests.Backends;

/// <summary>
/// What a compliance test needs from a backend: journals by store name (the same name reopens the same store),
/// the arguments that point the crash helper at a store, and the backend's own view of a query's plan.
/// </summary>
public abstract class JournalBackend : IAsyncDisposable
{
    private readonly List<IMessageJournal> opened = [];

    public async Task<IMessageJournal> OpenAsync(string store = "main", TimeProvider? time = null)
    {
        var journal = await OpenCoreAsync(store, time);
        lock (opened)
        {
            opened.Add(journal);
        }

        return journal;
    }

    /// <summary>Command-line arguments (before the stream count) that make the crash helper open <paramref name="store"/>.</summary>
    public abstract IReadOnlyList<string> CrashHelperArguments(string store);

    /// <summary>The backend's plan for <paramref name="query"/> on <paramref name="store"/>, one line per step.</summary>
    public abstract Task<string> PlanAsync(string store, JournalQuery query, string streamOrQueueId);

    /// <summary>
    /// The work the server does for one run of <paramref name="query"/>, counted on the server rather than timed: for
    /// SQLite the virtual machine instructions it executes, for PostgreSQL the rows its plan nodes examine.
    /// </summary>
    public abstract Task<long> WorkAsync(string store, JournalQuery query, QueryArguments arguments);

    /// <summary>The payload bytes the queue table itself holds across every queue of <paramref name="store"/> (issue #18: a row with an origin holds none).</summary>
    public abstract Task<long> QueuePayloadBytesAsync(string store);

    /// <summary>True when the plan reaches rows through an index only, never by scanning a table.</summary>
    public abstract bool UsesIndexOnly(string plan);

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var journal in opened)
        {
            await journal.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<IMessageJournal> OpenCoreAsync(string store, TimeProvider? time);
}
