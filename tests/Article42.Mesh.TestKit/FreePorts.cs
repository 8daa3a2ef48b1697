using System.Net;
using System.Net.Sockets;

namespace Article42.Mesh.TestKit;

/// <summary>The one free-port picker: loopback TCP ports nobody listens on right now (a server may still lose a race for one: callers retry).</summary>
public static class FreePorts
{
    public static int One()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><paramref name="count"/> distinct free ports.</summary>
    public static IReadOnlyList<int> Take(int count)
    {
        var ports = new List<int>(count);
        while (ports.Count < count)
        {
            var port = One();
            if (!ports.Contains(port))
                ports.Add(port);
        }

        return ports;
    }
}
