using System.Net;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>An <c>a42 listen --state</c> process killed with SIGKILL mid-stream and started again on the same state directory.</summary>
public sealed class ListenerRestartTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    private const int Messages = 300;

    [Fact]
    public async Task A_listener_killed_mid_stream_and_restarted_with_its_state_prints_no_message_twice()
    {
        var state = Path.Combine(mesh.Home, "listener-state");
        var sent = new List<string>();
        await using var first = mesh.Start("a42 listen (first)", "listen", "--as", "BG", "--ack", "--state", state, "--timeout", "240");
        var store = TrustStore.Open(Path.Combine(mesh.Home, "keys"));
        await using (var romania = await MeshGateway.ConnectAsync(new MeshGatewayOptions
        {
            Participant = "RO",
            PrivateKey = store.LoadPrivateKey("RO"),
            Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, mesh.Ports.Gateway)] },
        }, TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < Messages; i++)
            {
                if (i == Messages / 2)
                {
                    await Deadline.UntilAsync(() => first.Output.Count >= Messages / 3, TimeSpan.FromSeconds(60), $"{Messages / 3} lines from the first listener");
                    await first.KillAsync();
                }
                sent.Add((await romania.SendAsync(romania.Draft(MessageKind.Sitrep, "BG"), TestContext.Current.CancellationToken)).MessageId);
            }
        }
        var before = ListenOutput.MessageIds(first.Output);
        Assert.Equal(before.Count, before.Distinct().Count());

        await using var second = mesh.Start("a42 listen (restarted)", "listen", "--as", "BG", "--ack", "--state", state,
            "--count", (Messages - before.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "60");
        var exit = await second.ExitedAsync(TimeSpan.FromMinutes(2));
        var after = ListenOutput.MessageIds(second.Output);

        // Never twice: the state directory records a message as handed (flushed to disk) before it is printed.
        Assert.Empty(before.Intersect(after));
        Assert.Equal(after.Count, after.Distinct().Count());
        // The price of never twice: SIGKILL between that record and the print loses at most the one message in hand.
        var missing = sent.Except(before).Except(after).ToList();
        Assert.True(missing.Count <= 1, $"{missing.Count} messages never printed: {string.Join(',', missing)}");
        Assert.True(exit == (missing.Count == 0 ? 0 : 3), second.Describe());
    }

    [Fact]
    public async Task A_listener_that_does_not_acknowledge_restarted_with_its_state_prints_none_of_what_it_printed_though_the_mesh_hands_it_all_again()
    {
        var state = Path.Combine(mesh.Home, "listener-state-unacknowledged");
        var store = TrustStore.Open(Path.Combine(mesh.Home, "keys"));
        await using var romania = await MeshGateway.ConnectAsync(new MeshGatewayOptions
        {
            Participant = "RO",
            PrivateKey = store.LoadPrivateKey("RO"),
            Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, mesh.Ports.Gateway)] },
        }, TestContext.Current.CancellationToken);
        var earlier = new List<string>();
        for (var i = 0; i < 5; i++)
            earlier.Add((await romania.SendAsync(romania.Draft(MessageKind.Sitrep, "SI"), TestContext.Current.CancellationToken)).MessageId);

        var first = await mesh.RunAsync("listen", "--as", "SI", "--state", state, "--count", "5", "--timeout", "60");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(earlier.Order(), ListenOutput.MessageIds(first.Output).Order());

        // Unacknowledged, the five come first to the next session, flagged; the record of what was printed holds them back.
        var later = (await romania.SendAsync(romania.Draft(MessageKind.Sitrep, "SI"), TestContext.Current.CancellationToken)).MessageId;
        var second = await mesh.RunAsync("listen", "--as", "SI", "--state", state, "--count", "1", "--timeout", "60");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal([later], ListenOutput.MessageIds(second.Output));
        // The mesh did hand the five again (the record, not the mesh, held them back): the operator's trace says twice.
        foreach (var id in earlier)
        {
            var trace = await mesh.RunAsync("trace", id, "--json");
            Assert.True(trace.ExitCode == 0, trace.ToString());
            using var document = System.Text.Json.JsonDocument.Parse(Assert.Single(trace.Output));
            Assert.Equal(2, document.RootElement.GetProperty("recipients")[0].GetProperty("times_handed").GetInt32());
        }
    }
}
