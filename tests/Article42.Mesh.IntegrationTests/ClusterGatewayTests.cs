using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>Gateways on a three-silo cluster-profile mesh (Redis + PostgreSQL) while one silo is killed with SIGKILL.</summary>
public sealed class ClusterGatewayTests
{
    private const int Messages = 500;

    [Fact]
    public async Task A_silo_killed_with_SIGKILL_mid_stream_loses_nothing_and_the_listener_process_prints_each_message_once()
    {
        using var home = new TempHome();
        await using var redis = await RedisServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        var journal = await postgres.CreateDatabaseAsync("mesh");
        var keys = Path.Combine(home.Path, "keys");
        var store = TrustStore.Create(keys, ParticipantRegistry.Default);
        var ports = new[] { SiloPorts.Free(), SiloPorts.Free(), SiloPorts.Free() };
        string[] shared =
        [
            .. ClusterSiloFlags.For(redis, journal, keys),
            .. ClusterSiloFlags.QuickFailureDetection,
        ];
        var silos = ports.Select((p, i) => SiloProcess.Start($"silo {i}", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. p.Flags()])).ToList();
        try
        {
            await Task.WhenAll(silos.Select(s => s.ReadyAsync()));
            await using var listener = SiloProcess.Start("a42 listen DE", "a42.dll", home.Path,
            [
                "listen", "--as", "DE", "--ack", "--keys", keys, "--redis", redis.ConnectionString, "--state", Path.Combine(home.Path, "listener"),
                "--count", $"{Messages}", "--timeout", "300",
            ]);

            var sent = new List<string>();
            await using (var france = await MeshGateway.ConnectAsync(new MeshGatewayOptions
            {
                Participant = "FR",
                PrivateKey = store.LoadPrivateKey("FR"),
                RedisConnectionString = redis.ConnectionString,
                SendDeadline = TimeSpan.FromMinutes(3),
            }, TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < Messages; i++)
                {
                    if (i == Messages / 3)
                        await silos[1].KillAsync();
                    sent.Add((await france.SendAsync(france.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken)).MessageId);
                }
            }

            Assert.True(0 == await listener.ExitedAsync(TimeSpan.FromMinutes(5)), listener.Describe());
            var printed = ListenOutput.MessageIds(listener.Output);
            Assert.Equal(sent.Order(StringComparer.Ordinal), printed.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }
}
