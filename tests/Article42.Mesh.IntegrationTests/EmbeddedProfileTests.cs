using System.Net;

namespace Article42.Mesh.IntegrationTests;

public sealed class EmbeddedProfileTests
{
    private static readonly TimeSpan ShutdownWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Embedded_silo_creates_its_keys_and_secret_becomes_ready_and_exits_0_on_SIGTERM()
    {
        using var home = new TempHome();
        using var http = OperatorHttp.Client();
        var ports = SiloPorts.Free();
        string secret;
        await using (var silo = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags()))
        {
            await silo.ReadyAsync();
            Assert.Equal($"127.0.0.1:{ports.Gateway}", await silo.LineAsync("gateway"));
            Assert.Equal(ports.Url("/health/ready").ToString(), await silo.LineAsync("health"));
            Assert.Equal(ports.Url("/dashboard").ToString(), await silo.LineAsync("dashboard"));
            Assert.StartsWith(Path.Combine(home.Path, "keys") + " (created", await silo.LineAsync("keys"));
            Assert.Equal($"sqlite {Path.Combine(home.Path, "data", "journal.db")}", await silo.LineAsync("journal"));

            Assert.True(TrustStore.Exists(Path.Combine(home.Path, "keys")));
            var secretFile = Path.Combine(home.Path, "data", "cluster-secret");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
            secret = await File.ReadAllTextAsync(secretFile, TestContext.Current.CancellationToken);
            Assert.Equal(32, Convert.FromBase64String(secret).Length);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ports.Url("/health/live"), TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ports.Url("/health/ready"), TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ports.Url("/dashboard/"), TestContext.Current.CancellationToken)).StatusCode);

            await silo.TerminateAsync();
            Assert.True(0 == await silo.ExitedAsync(ShutdownWithin), silo.Describe());
            Assert.DoesNotContain(silo.Errors, line => line.Contains("   at ", StringComparison.Ordinal));
        }

        // A second start reads the same secret and trust store instead of making new ones.
        await using (var again = SiloProcess.Start("embedded silo, second start", "Article42.Mesh.Silo.dll", home.Path, ports.Flags()))
        {
            await again.ReadyAsync();
            Assert.DoesNotContain(again.Output, line => line.StartsWith("keys ", StringComparison.Ordinal));
            Assert.Equal(secret, await File.ReadAllTextAsync(Path.Combine(home.Path, "data", "cluster-secret"), TestContext.Current.CancellationToken));
            await again.TerminateAsync();
            Assert.True(0 == await again.ExitedAsync(ShutdownWithin), again.Describe());
        }
    }

    [Fact]
    public async Task A42_mesh_up_runs_the_same_silo_with_its_flags_and_exits_0_on_SIGTERM()
    {
        using var home = new TempHome();
        using var http = new HttpClient();
        var ports = SiloPorts.Free();
        var data = Path.Combine(home.Path, "elsewhere", "data");
        var keys = Path.Combine(home.Path, "elsewhere", "keys");
        await using var silo = SiloProcess.Start("a42 mesh up", "a42.dll", home.Path, ["mesh", "up", "--data", data, "--keys", keys, .. ports.Flags()]);

        await silo.ReadyAsync();
        Assert.Equal($"127.0.0.1:{ports.Gateway}", await silo.LineAsync("gateway"));
        Assert.Equal($"127.0.0.1:{ports.Silo}", await silo.LineAsync("silo"));
        Assert.True(File.Exists(Path.Combine(data, "journal.db")));
        Assert.True(File.Exists(Path.Combine(data, "cluster-secret")));
        Assert.True(TrustStore.Exists(keys));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ports.Url("/health/ready"), TestContext.Current.CancellationToken)).StatusCode);

        await silo.TerminateAsync();
        Assert.True(0 == await silo.ExitedAsync(ShutdownWithin), silo.Describe());
    }
}
