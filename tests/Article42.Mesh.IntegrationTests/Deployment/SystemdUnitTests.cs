using Article42.Mesh.Hosting;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>
/// deploy/systemd/a42-silo.service: it runs the silo with keys the silo reads, gives it more time to stop than
/// Shutdown:Timeout, lets it write only its data directory, does not restart a bad setting; and a real silo started
/// with its command line and environment file turns ready and stops within TimeoutStopSec.
/// </summary>
public sealed class SystemdUnitTests
{
    private readonly SystemdUnit unit = new();

    [Fact]
    public void Unit_runs_the_silo_with_keys_it_reads_stops_within_TimeoutStopSec_and_may_write_only_its_data_directory()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, Path.GetFileName(unit.Command[0]) + ".dll")), $"{unit.Command[0]} is not the silo's executable");
        var launch = unit.Launch();
        Assert.Empty(SiloSettingKeys.Unread(launch));
        var settings = launch.Settings();
        Assert.Equal(MeshProfile.Cluster, settings.Profile);
        Assert.True(SystemdUnit.Duration(unit.Value("TimeoutStopSec")) > settings.Shutdown.Timeout, "TimeoutStopSec must exceed Shutdown:Timeout");

        Assert.Equal(("strict", "yes"), (unit.Value("ProtectSystem"), unit.Value("NoNewPrivileges")));
        var writable = unit.Value("ReadWritePaths").Split(' ');
        Assert.Contains(settings.Paths.DataDirectory, writable);
        Assert.Equal(settings.Paths.DataDirectory, $"/var/lib/{unit.Value("StateDirectory")}");
        Assert.Contains(launch.Environment["A42_HOME"], writable);
        Assert.DoesNotContain(unit.Value("User"), new[] { "", "root", "0" });

        // Restart a crash or an unreachable server (exit 1), never a bad setting (exit 2): a restart cannot fix it.
        Assert.Equal("on-failure", unit.Value("Restart"));
        Assert.Contains("2", unit.Value("RestartPreventExitStatus").Split(' '));
    }

    [Fact]
    public async Task Silo_started_with_the_units_command_line_and_environment_file_turns_ready_and_stops_within_TimeoutStopSec()
    {
        var launch = unit.Launch();
        await using var rehearsal = await DeploymentRehearsal.StartAsync();
        var data = rehearsal.NewDirectory("var-lib-a42");

        var local = launch
            .Substitute(new Dictionary<string, string> { [launch.Settings().Paths.DataDirectory] = data })
            .Set(ConfigKeys.KeysDirectory, rehearsal.Registry)
            .Set(ConfigKeys.AdvertiseIp, "127.0.0.1");
        await rehearsal.RunAsync(local, "cluster", [MeshEndpoints.LivePath, MeshEndpoints.ReadyPath], "/metrics", SystemdUnit.Duration(unit.Value("TimeoutStopSec")));
    }
}
