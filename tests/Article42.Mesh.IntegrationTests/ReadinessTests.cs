using System.Net;

namespace Article42.Mesh.IntegrationTests;

/// <summary>Readiness follows the journal: a cluster-profile silo whose PostgreSQL goes away stops taking work, and takes it again once it is back.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_turns_503_while_the_journal_is_unreachable_and_200_again_once_PostgreSQL_is_back_while_live_stays_200()
    {
        using var home = new TempHome();
        using var http = new HttpClient();
        await using var redis = await RedisServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        var journal = await postgres.CreateDatabaseAsync("mesh");
        var keys = Path.Combine(home.Path, "registry");
        TrustStore.Create(keys, ParticipantRegistry.Default);
        var ports = SiloPorts.Free();
        await using var silo = SiloProcess.Start("cluster silo", "Article42.Mesh.Silo.dll", home.Path,
        [
            .. ClusterSiloFlags.For(redis, journal, keys), .. ports.Flags(),
        ]);
        await silo.ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, ports.Url("/health/ready")));

        await postgres.StopAsync();
        await Deadline.UntilAsync(async () => await StatusAsync(http, ports.Url("/health/ready")) == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(30), "/health/ready to answer 503 with PostgreSQL stopped");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, ports.Url("/health/live")));

        await postgres.StartAgainAsync();
        await Deadline.UntilAsync(async () => await StatusAsync(http, ports.Url("/health/ready")) == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "/health/ready to answer 200 with PostgreSQL back on the same port and data");
        Assert.False(silo.HasExited, silo.Describe());
        await silo.TerminateAsync();
        Assert.True(0 == await silo.ExitedAsync(TimeSpan.FromSeconds(30)), silo.Describe());
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
