using System.Net;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

public sealed class SiloCrashTests
{
    [Fact]
    public async Task A_silo_killed_with_SIGKILL_while_1000_messages_flow_FR_to_DE_loses_none_and_the_listener_prints_each_once()
    {
        using var home = new TempHome();
        var ports = SiloPorts.Free();
        var silo = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags());
        await silo.ReadyAsync();
        var gateway = $"127.0.0.1:{ports.Gateway}";
        await using var listener = SiloProcess.Start("a42 listen", "a42.dll", home.Path,
            ["listen", "--as", "DE", "--ack", "--count", "1000", "--timeout", "240", "--state", Path.Combine(home.Path, "listener"), "--gateway", gateway]);

        var store = TrustStore.Open(Path.Combine(home.Path, "keys"));
        var sent = new List<string>();
        await using (var france = await MeshGateway.ConnectAsync(new MeshGatewayOptions
        {
            Participant = "FR",
            PrivateKey = store.LoadPrivateKey("FR"),
            Endpoints = [new IPEndPoint(IPAddress.Loopback, ports.Gateway)],
            SendDeadline = TimeSpan.FromMinutes(3),
        }, TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < 1000; i++)
            {
                if (i == 400)
                {
                    // Mid-stream: the silo dies without warning, and comes back on the same data directory.
                    await silo.KillAsync();
                    await silo.DisposeAsync();
                    silo = SiloProcess.Start("embedded silo, restarted", "Article42.Mesh.Silo.dll", home.Path, ports.Flags());
                }
                var receipt = await france.SendAsync(france.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken);
                sent.Add(receipt.MessageId);
            }
        }

        Assert.True(0 == await listener.ExitedAsync(TimeSpan.FromMinutes(4)), listener.Describe());
        var printed = ListenOutput.MessageIds(listener.Output);
        Assert.Equal(1000, printed.Count);
        Assert.Equal(sent.Order(), printed.Order());
        await silo.DisposeAsync();
    }
}
