using Npgsql;

namespace Article42.Mesh.TestKit;

/// <summary>
/// A throwaway PostgreSQL server from the machine's binaries: a fresh cluster in a temporary folder, on a free
/// port of 127.0.0.1, trust authentication. Disposing stops it and deletes everything.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string User = "postgres";
    private readonly string root;
    private readonly string bin;
    private readonly string options;
    private readonly NetworkPlace place;

    private PostgresServer(string root, string bin, int port, string options, NetworkPlace place)
    {
        this.root = root;
        this.bin = bin;
        this.options = options;
        this.place = place;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The address it listens on (127.0.0.1 unless started in another <see cref="NetworkPlace"/>).</summary>
    public string Address => place.Address;

    /// <summary>
    /// Where <c>initdb</c> and <c>pg_ctl</c> are: <c>A42_PG_BIN</c> when set (and only there), else Debian's
    /// versioned folder (it keeps them off PATH), else PATH.
    /// </summary>
    public static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("A42_PG_BIN");
        IEnumerable<string> candidates = !string.IsNullOrEmpty(configured)
            ? [configured]
            : [.. Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")) : [],
               .. (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)];
        return candidates.FirstOrDefault(d => !string.IsNullOrEmpty(d) && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>
    /// Starts a server, or throws <see cref="RequiredService.Unavailable"/>'s exception when this machine has no
    /// PostgreSQL. <paramref name="fsync"/> off suits tests that kill clients, not the server. <paramref name="place"/>:
    /// where it listens (loopback unless given). <paramref name="directory"/>: where its data, socket and log go (a fresh
    /// folder under the temporary directory unless given; a full-disk test gives one on a size-limited disk).
    /// </summary>
    public static async Task<PostgresServer> StartAsync(bool fsync = false, NetworkPlace? place = null, string? directory = null)
    {
        place ??= NetworkPlace.Loopback;
        var bin = FindBinaries() ?? throw RequiredService.Unavailable(
            "PostgreSQL binaries (initdb, pg_ctl) not found in A42_PG_BIN, /usr/lib/postgresql/*/bin or PATH");
        if (ServerProcess.IsRoot && !UserExists(User))
        {
            throw RequiredService.Unavailable($"running as root, and there is no '{User}' user to run PostgreSQL as");
        }

        var root = directory ?? Path.Combine(Path.GetTempPath(), $"a42-pg-{Guid.NewGuid():N}");
        try
        {
            return await StartInAsync(root, bin, fsync, place).ConfigureAwait(false);
        }
        catch
        {
            // A server that never started leaves nothing to stop, but its folder must go too.
            TempDirectory.Delete(root);
            throw;
        }
    }

    private static async Task<PostgresServer> StartInAsync(string root, string bin, bool fsync, NetworkPlace place)
    {
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        await ServerProcess.GiveToAsync(root, User).ConfigureAwait(false);
        var data = Path.Combine(root, "data");
        await ServerProcess.RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync"], User).ConfigureAwait(false);
        // initdb trusts loopback only; a server in a namespace of its own (no way in but its test subnet) trusts its peers too.
        if (!place.Launcher.IsEmpty)
            await File.AppendAllTextAsync(Path.Combine(data, "pg_hba.conf"), "host all all 0.0.0.0/0 trust\n").ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePorts.One();
            var options = $"-p {port} -k {Path.Combine(root, "sock")} -c listen_addresses={place.Address} -c fsync={(fsync ? "on" : "off")} -c max_connections=200";
            try
            {
                await PgCtlStartAsync(bin, root, options, place).ConfigureAwait(false);
                return new PostgresServer(root, bin, port, options, place);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Someone took the port between our probe and the server's bind: try another.
            }
        }
    }

    /// <summary>Stops the server as an outage does (connections cut, nothing flushed); its port and data stay for <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ServerProcess.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], User).ConfigureAwait(false);
    }

    /// <summary>Starts the stopped server again on the same port and data directory (recovering what it had).</summary>
    public Task StartAgainAsync() => PgCtlStartAsync(bin, root, options, place);

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = place.Address, Port = Port, Username = User, Database = database, Pooling = true }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            // A test that stopped the server (StopAsync) and failed before starting it again leaves nothing to stop.
            if (File.Exists(Path.Combine(root, "data", "postmaster.pid")))
                await ServerProcess.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], User).ConfigureAwait(false);
        }
        finally
        {
            TempDirectory.Delete(root);
        }
    }

    private static Task<string> PgCtlStartAsync(string bin, string root, string options, NetworkPlace place) =>
        ServerProcess.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "server.log"), "-o", options, "-w", "-t", "60", "start"], User, launcher: place.Launcher);

    private static bool UserExists(string user) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));
}
