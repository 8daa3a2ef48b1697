using System.Net;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// Gateways on a three-silo cluster-profile mesh (Redis + PostgreSQL) while one silo is killed with SIGKILL. The gateways
/// hold no Redis credential: they reach the mesh through the list of its three gateway endpoints (the SDK's
/// <see cref="MeshConnection.Endpoints"/>, <c>a42 listen --gateway</c> repeated and comma-separated).
/// </summary>
public sealed class ClusterGatewayTests
{
    private const int Messages = 500;

    [Fact]
    public async Task A_silo_killed_with_SIGKILL_mid_stream_loses_nothing_and_the_listener_process_prints_each_message_once()
    {
        await using var home = await ClusterHome.StartAsync();
        var (keys, store) = (home.Keys, home.Store);
        var ports = new[] { SiloPorts.Free(), SiloPorts.Free(), SiloPorts.Free() };
        string[] shared = ClusterSiloFlags.For(home);
        var silos = ports.Select((p, i) => SiloProcess.Start($"silo {i}", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. p.Flags()])).ToList();
        try
        {
            await Task.WhenAll(silos.Select(s => s.ReadyAsync()));
            await using var listener = SiloProcess.Start("a42 listen DE", "a42.dll", home.Path,
            [
                "listen", "--as", "DE", "--ack", "--keys", keys, "--gateway", Gateway(ports[0]), "--gateway", $"{Gateway(ports[1])},{Gateway(ports[2])}", "--state", Path.Combine(home.Path, "listener"),
                "--count", $"{Messages}", "--timeout", "300",
            ]);

            await using var mesh = await MeshClient.ConnectAsync(home.Redis.ConnectionString);
            var sent = new List<string>();
            var mailboxOfDe = -1;
            await using (var france = await MeshGateway.ConnectAsync(new MeshGatewayOptions
            {
                Participant = "FR",
                PrivateKey = store.LoadPrivateKey("FR"),
                Connection = new() { Endpoints = [.. ports.Select(p => new IPEndPoint(IPAddress.Loopback, p.Gateway))] },
                SendDeadline = TimeSpan.FromMinutes(3),
            }, TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < Messages; i++)
                {
                    if (i == Messages / 3)
                    {
                        // The victim is the silo holding DE's mailbox, with its sessions and the messages queued for it.
                        mailboxOfDe = await HostOfAsync(mesh, "DE", ports);
                        var victim = await HostOfAsync(mesh, "DE", ports);
                        TestContext.Current.TestOutputHelper?.WriteLine($"killing silo {victim} (DE's mailbox; FR's on silo {await HostOfAsync(mesh, "FR", ports)})");
                        await silos[victim].KillAsync();
                    }
                    sent.Add((await france.SendAsync(france.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken)).MessageId);
                }
            }

            Assert.True(0 == await listener.ExitedAsync(TimeSpan.FromMinutes(5)), listener.Describe());
            var printed = ListenOutput.MessageIds(listener.Output);
            Assert.Equal(sent.Order(StringComparer.Ordinal), printed.Order(StringComparer.Ordinal));
            // The kill took DE's mailbox with it, whatever chose the victim: DE lives on another silo now.
            Assert.NotEqual(mailboxOfDe, await HostOfAsync(mesh, "DE", ports));
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }

    private static string Gateway(SiloPorts ports) => $"127.0.0.1:{ports.Gateway}";

    /// <summary>Which of the silos (by index) holds <paramref name="participant"/>'s grain, active since its gateway connected.</summary>
    private static async Task<int> HostOfAsync(MeshClient mesh, string participant, SiloPorts[] ports)
    {
        using var asSilo = ClusterSecretScope.Enter(ClusterSiloFlags.ClusterSecret); // the management grain is not for clients
        var address = await mesh.Management.GetActivationAddress(mesh.Client.GetGrain<IParticipantGrain>(participant), TestContext.Current.CancellationToken);
        Assert.True(address is not null, $"{participant}'s grain is not active anywhere");
        var index = Array.FindIndex(ports, p => p.Silo == address.Endpoint.Port);
        Assert.True(index >= 0, $"{participant}'s grain is on {address}, none of the three silos");
        return index;
    }
}
