using System.Net.Sockets;
using System.Text;

namespace Article42.Mesh.TestKit;

/// <summary>
/// A throwaway Redis from the machine's <c>redis-server</c>: 127.0.0.1 only, a free port, no persistence unless
/// given a data directory (then an append-only file, fsync'd on every write, so a killed server starts again with
/// its data). Disposing kills it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string binary;
    private readonly IReadOnlyList<string> persistence;
    private readonly NetworkPlace place;
    private TestProcess process;

    private RedisServer(TestProcess process, int port, string binary, IReadOnlyList<string> persistence, NetworkPlace place)
    {
        this.process = process;
        Port = port;
        this.binary = binary;
        this.persistence = persistence;
        this.place = place;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"{place.Address}:{Port}";

    /// <summary><c>redis-server</c> from <c>A42_REDIS_SERVER</c> when set (and only there), else PATH.</summary>
    public static string? FindBinary()
    {
        var configured = Environment.GetEnvironmentVariable("A42_REDIS_SERVER");
        IEnumerable<string> candidates = !string.IsNullOrEmpty(configured)
            ? [configured]
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Where(d => d.Length > 0).Select(d => Path.Combine(d, "redis-server"));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Starts a server, or throws <see cref="RequiredService.Unavailable"/>'s exception when this machine has no Redis.
    /// <paramref name="place"/>: where it listens (loopback unless given).
    /// </summary>
    public static async Task<RedisServer> StartAsync(string? dataDirectory = null, NetworkPlace? place = null)
    {
        place ??= NetworkPlace.Loopback;
        var binary = FindBinary() ?? throw RequiredService.Unavailable("redis-server not found in A42_REDIS_SERVER or PATH");
        IReadOnlyList<string> persistence = dataDirectory is null
            ? ["--appendonly", "no"]
            : ["--dir", Directory.CreateDirectory(dataDirectory).FullName, "--appendonly", "yes", "--appendfsync", "always"];
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePorts.One();
            var process = await LaunchAsync(binary, port, persistence, place).ConfigureAwait(false);
            if (!process.HasExited)
            {
                return new RedisServer(process, port, binary, persistence, place);
            }

            var exitCode = await process.ExitedAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await process.DisposeAsync().ConfigureAwait(false);
            if (attempt >= 3)
            {
                throw new InvalidOperationException($"redis-server exited with {exitCode} three times (ports taken?).");
            }

            // Someone took the port between our probe and the server's bind: try another.
        }
    }

    /// <summary>SIGKILL: the server dies with what it has not written.</summary>
    public Task KillAsync() => process.KillAsync();

    /// <summary>Starts the server again on the same port and data directory, and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        await process.DisposeAsync().ConfigureAwait(false);
        process = await LaunchAsync(binary, Port, persistence, place).ConfigureAwait(false);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"redis-server did not start again on port {Port}: {process.Describe()}");
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    /// <summary>A started server that answers, or one that has exited (its port taken).</summary>
    private static async Task<TestProcess> LaunchAsync(string binary, int port, IReadOnlyList<string> persistence, NetworkPlace place)
    {
        // Off loopback (a namespace of its own, no other way in), protected mode would refuse every client without a password.
        string[] reach = place.Launcher.IsEmpty ? [] : ["--protected-mode", "no"];
        var process = place.Start("redis-server", binary, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", place.Address, .. reach, "--save", "", .. persistence]);
        try
        {
            await Deadline.UntilAsync(() => process.HasExited || Answers(place.Address, port), TimeSpan.FromSeconds(20), $"redis-server on port {port}").ConfigureAwait(false);
            return process;
        }
        catch (TimeoutException)
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static bool Answers(string address, int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(address, port);
            using var stream = client.GetStream();
            stream.ReadTimeout = 1000;
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }
}
