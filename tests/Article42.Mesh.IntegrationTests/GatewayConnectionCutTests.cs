using System.Collections.Concurrent;
using System.Net;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// Issue 20's <c>gateway-connection-cut</c> in small: a gateway reaches a real silo through a proxy that resets its
/// connections and refuses new ones for a moment (<see cref="ConnectionCuttingProxy"/>). After the heal the gateway must
/// be handed what is sent to it, and get receipts for what it sends, within a bounded time.
/// </summary>
public sealed class GatewayConnectionCutTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    private static readonly TimeSpan Refused = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_gateway_whose_connections_are_cut_and_refused_for_a_while_receives_and_sends_again_after_the_heal() =>
        await CutAndHealAsync("PL", "AT", lateConnection: false);

    [Fact]
    public async Task A_gateway_whose_silo_records_a_late_connection_from_the_cut_window_receives_and_sends_again() =>
        await CutAndHealAsync("LT", "LV", lateConnection: true);

    private async Task CutAndHealAsync(string cutName, string peerName, bool lateConnection)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var store = TrustStore.Open(Path.Combine(mesh.Home, "keys"));
        await using var proxy = new ConnectionCuttingProxy(mesh.Ports.Gateway);
        await using var cut = await MeshGateway.ConnectAsync(Options(store, cutName, proxy.Endpoint), cancellation);
        await using var peer = await MeshGateway.ConnectAsync(Options(store, peerName, new IPEndPoint(IPAddress.Loopback, mesh.Ports.Gateway)), cancellation);
        var handed = new ConcurrentDictionary<string, byte>();
        var receiving = Task.Run(async () =>
        {
            await foreach (var message in cut.ReceiveAsync(cancellation))
                handed[message.Envelope.MsgId] = 0;
        }, cancellation);

        await ExchangeAsync(cut, peer, handed, "before the cut");
        var relayedBefore = proxy.Relayed;
        await proxy.CutAsync(Refused);
        if (lateConnection)
        {
            await Deadline.UntilAsync(() => proxy.Relayed > relayedBefore && proxy.Open > 0, Recovery, $"{cutName}'s gateway connected again through the proxy");
            await proxy.LateConnectionAsync();
        }

        await ExchangeAsync(cut, peer, handed, "after the heal");
        Assert.False(receiving.IsFaulted, receiving.Exception?.ToString());
    }

    /// <summary>The peer's message is handed to the cut gateway, and the cut gateway's message gets its receipt, within <see cref="Recovery"/>.</summary>
    private static async Task ExchangeAsync(MeshGateway cut, MeshGateway peer, ConcurrentDictionary<string, byte> handed, string when)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var toCut = await peer.SendAsync(peer.Draft(MessageKind.Sitrep, cut.Participant), cancellation);
        await Deadline.UntilAsync(() => handed.ContainsKey(toCut.MessageId), Recovery, $"{peer.Participant}'s message {toCut.MessageId} handed to {cut.Participant} {when}");
        var fromCut = await cut.SendAsync(cut.Draft(MessageKind.Sitrep, peer.Participant), cancellation);
        Assert.Equal(peer.Participant, Assert.Single(fromCut.Recipients));
    }

    private static MeshGatewayOptions Options(TrustStore store, string participant, IPEndPoint endpoint) => new()
    {
        Participant = participant,
        PrivateKey = store.LoadPrivateKey(participant),
        Connection = new() { Endpoints = [endpoint] },
        // A send that gets no receipt within the recovery bound fails the test with a TimeoutException.
        SendDeadline = Deadline.Scaled(Recovery),
    };
}
