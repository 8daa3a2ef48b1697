using Article42.Mesh.TestKit;

namespace Article42.Mesh.Benchmarks.Systems;

/// <summary>Distinct free loopback ports for one silo (silo, gateway, HTTP).</summary>
internal static class FreePorts
{
    public static (int Silo, int Gateway, int Http) ForSilo()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3)
            ports.Add(ServerProcess.FreePort());
        var list = ports.ToList();
        return (list[0], list[1], list[2]);
    }
}
