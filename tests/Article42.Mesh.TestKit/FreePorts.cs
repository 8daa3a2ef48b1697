using System.Net;
using System.Net.Sockets;

namespace Article42.Mesh.TestKit;

/// <summary>
/// The one free-port picker: loopback TCP ports nobody listens on, taken below the kernel's ephemeral range, so no
/// outgoing connection of any process is given one between the pick and the server's bind (a CI run once lost a
/// silo's HTTP port that way). Each port is reserved for the life of this process by a lock file, so the suite's
/// other test processes, picking at the same time, never take it too.
/// </summary>
public static class FreePorts
{
    /// <summary>The lowest port picked: above the well-known and most registered servers' ports.</summary>
    public const int Lowest = 20_000;

    /// <summary>The first port of the kernel's ephemeral range when the kernel does not say (Linux's default).</summary>
    private const int DefaultEphemeralStart = 32_768;

    private const int Attempts = 1_000;

    private static readonly List<FileStream> Reservations = [];

    private static readonly Lazy<string> ReservationDirectory = new(WritableDirectory);

    private static readonly int Highest = EphemeralStart() - 1;

    public static int One()
    {
        lock (Reservations)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var port = Random.Shared.Next(Lowest, Highest + 1);
                if (Reserve(port) is not { } reservation)
                    continue;
                if (!Listenable(port))
                {
                    reservation.Dispose();
                    continue;
                }
                Reservations.Add(reservation);
                return port;
            }

            throw new InvalidOperationException($"no free loopback port between {Lowest} and {Highest} after {Attempts} tries");
        }
    }

    /// <summary><paramref name="count"/> distinct free ports.</summary>
    public static IReadOnlyList<int> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => One())];

    /// <summary>The file whose exclusive lock (<c>flock</c>) reserves <paramref name="port"/>.</summary>
    public static string ReservationFile(int port) => Path.Combine(ReservationDirectory.Value, $"{port}.lock");

    /// <summary>An exclusive lock on the port's file (the kernel lets it go when this process ends), or null when another process holds it.</summary>
    private static FileStream? Reserve(int port)
    {
        try
        {
            return new FileStream(ReservationFile(port), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool Listenable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Shared by every user's test processes that can write it; a user who cannot gets one of their own.</summary>
    private static string WritableDirectory()
    {
        var shared = Path.Combine(Path.GetTempPath(), "article42-mesh-ports");
        foreach (var directory in new[] { shared, $"{shared}-{Environment.UserName}" })
        {
            try
            {
                Directory.CreateDirectory(directory);
                File.WriteAllBytes(Path.Combine(directory, $"probe-{Environment.ProcessId}"), []);
                File.Delete(Path.Combine(directory, $"probe-{Environment.ProcessId}"));
                return directory;
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's directory: try this user's own.
            }
        }

        throw new InvalidOperationException($"no writable port reservation directory beside {shared}");
    }

    /// <summary>The first port the kernel hands to outgoing connections (Linux says in <c>ip_local_port_range</c>).</summary>
    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(range) ? File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0] : null;
        return int.TryParse(first, out var port) && port > Lowest + Attempts ? port : DefaultEphemeralStart;
    }
}
