namespace Article42.Mesh.Faults.Network;

/// <summary>
/// What the network nemeses need: root (or <c>CAP_NET_ADMIN</c>) to make namespaces, and <c>iptables</c> (Debian's
/// package, which <c>.ci/run</c> installs). Without them a test skips with the reason, or fails under
/// <c>A42_REQUIRE_SERVICES=1</c> (TestKit's <see cref="RequiredService"/>).
/// </summary>
public static class NetworkRequirement
{
    /// <summary>Throws <see cref="RequiredService.Unavailable"/>'s exception naming what is missing.</summary>
    public static async Task EnsureAsync()
    {
        if (!Installed("ip"))
            throw RequiredService.Unavailable("ip (iproute2) is not installed: the fault suite's network is made of namespaces");
        if (!Installed("iptables"))
            throw RequiredService.Unavailable("iptables is not installed (apt-get install iptables): the network nemeses need it inside the test namespaces");
        var probe = RunPrefix.ForThisProcess().Value + "probe";
        var add = await NetworkCommand.TryAsync("ip", "netns", "add", probe);
        if (add.ExitCode != 0)
            throw RequiredService.Unavailable($"cannot create a network namespace (needs root or CAP_NET_ADMIN): {add.Errors.Trim()}");
        await NetworkCommand.TryAsync("ip", "netns", "del", probe);
    }

    private static bool Installed(string tool) => new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" }.Any(d => File.Exists(Path.Combine(d, tool)));
}
