using System.Diagnostics;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// The suite's port picker (TestKit's <see cref="FreePorts"/>): a port it gives is one the kernel never hands to an
/// outgoing connection, and no other process can take it from this one.
/// </summary>
public sealed class FreePortsTests
{
    [Fact]
    public void Ports_come_from_below_the_kernels_ephemeral_range_each_once()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        var ports = FreePorts.Take(200);

        Assert.Equal(200, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, FreePorts.Lowest, ephemeralStart - 1));
    }

    [Fact]
    public async Task A_port_given_here_is_locked_against_another_process_and_a_port_nobody_holds_is_not()
    {
        var port = FreePorts.One();
        var unheld = Path.Combine(Path.GetDirectoryName(FreePorts.ReservationFile(port))!, $"unheld-{Environment.ProcessId}.lock");

        Assert.Equal(1, await FlockAsync(FreePorts.ReservationFile(port)));
        Assert.Equal(0, await FlockAsync(unheld));
        File.Delete(unheld);
    }

    /// <summary>The exit code of <c>flock --nonblock</c> in a process of its own: 0 when it got the lock, 1 when another holds it.</summary>
    private static async Task<int> FlockAsync(string file)
    {
        using var flock = Process.Start("flock", ["--nonblock", "--conflict-exit-code", "1", file, "true"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await flock.WaitForExitAsync(timeout.Token);
        return flock.ExitCode;
    }
}
