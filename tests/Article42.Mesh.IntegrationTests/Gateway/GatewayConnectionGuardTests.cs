using System.Buffers;
using Article42.Mesh.Hosting.Connections;
using Article42.Mesh.Hosting.Tls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Serialization.Session;

namespace Article42.Mesh.IntegrationTests.Gateway;

/// <summary>
/// The gateway connection guard against a real silo process and plain Orleans clients: a message naming another
/// sender than its connection's client id closes the connection; a 50 MB request is refused before it is buffered;
/// a normal client, and FR → DE through the gateway SDK, are unaffected. The first test pins the Orleans framing the
/// guard reads (docs/design/orleans.md): it fails if an Orleans upgrade moves the sender in the frame.
/// </summary>
public sealed class GatewayConnectionGuardTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    /// <summary>
    /// How long the plain client may take to connect and answer. Bounded so that a wrong framing reader (whose silo
    /// then closes every connection, and an Orleans client retries its start without end) fails here, not by hanging.
    /// </summary>
    private static readonly TimeSpan ClientAnswer = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_frame_a_real_Orleans_client_sends_reads_as_its_own_client_id()
    {
        await using var proxy = new SenderForgingProxy(mesh.Ports.Gateway);
        var answered = await ChallengeThroughAsync(proxy);

        // The recorded frames are judged first, whether or not the silo answered: a wrong reader is named by the
        // first frame it misreads, not by a timeout.
        using var serialization = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(ClientPreamble).Assembly)).BuildServiceProvider();
        using var session = serialization.GetRequiredService<SerializerSessionPool>().GetSession();
        var inspector = new FrameInspector(
            new ClientPreambleReader(serialization.GetRequiredService<Serializer<ClientPreamble>>(), NullLogger<ClientPreambleReader>.Instance),
            session, MeshDefaults.GatewayRequestHeaderBytes, MeshDefaults.GatewayRequestBodyBytes);
        var frames = proxy.Frames.ToList();
        Assert.True(frames.Count >= 2, $"the client sent {frames.Count} frames: at least its preamble and its manifest request");
        for (var i = 0; i < frames.Count; i++)
        {
            var verdict = inspector.Next(new ReadOnlySequence<byte>(frames[i]));
            Assert.True(FrameVerdict.Pass(frames[i].Length).Equals(verdict), $"frame {i} of {frames.Count} ({frames[i].Length} bytes, {(i == 0 ? "the preamble" : "a message")}) reads as {verdict}");
        }

        var client = Assert.NotNull(inspector.Client);
        Assert.True(client.IsClient(), $"{client} is a client id");
        foreach (var frame in frames.Skip(1))
        {
            var header = BitConverter.ToInt32(frame, 0);
            Assert.Equal(client, MessageFrame.ReadSender(new ReadOnlySequence<byte>(frame, MessageFrame.PrefixLength, header), session));
        }

        Assert.True(answered, $"the plain client connected through the proxy and FR answered its challenge within {Deadline.Scaled(ClientAnswer).TotalSeconds:0} s");
        Assert.True(frames.Count >= 3, $"the client sent {frames.Count} frames: a preamble and at least its manifest request and the call");
    }

    /// <summary>Connects a plain Orleans client through <paramref name="proxy"/> and asks FR for a challenge, within <see cref="ClientAnswer"/>.</summary>
    private static async Task<bool> ChallengeThroughAsync(SenderForgingProxy proxy)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bounded.CancelAfter(Deadline.Scaled(ClientAnswer));
        try
        {
            await using var plain = await MeshClient.ConnectGatewayAsync(proxy.Endpoint, bounded.Token);
            return await plain.Client.GetGrain<IParticipantGrain>("FR").ChallengeAsync().AsTask().WaitAsync(bounded.Token) is not null;
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or OrleansException)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"the plain client got no answer: {ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }

    [Theory]
    [InlineData("sys.client", "0123456789abcdef0123456789abcdef")]
    [InlineData("a42.participant-grain", "FR")]
    public async Task A_client_whose_message_names_another_sender_loses_its_connection(string type, string key)
    {
        var forged = GrainId.Create(type, key);
        var before = await GatewayChecks.RefusedAsync(mesh.Ports, GatewayRefusal.ForgedSource);
        await using var proxy = new SenderForgingProxy(mesh.Ports.Gateway);
        await using var client = await MeshClient.ConnectGatewayAsync(proxy.Endpoint, TestContext.Current.CancellationToken);
        var participant = client.Client.GetGrain<IParticipantGrain>("FR");
        Assert.NotNull(await participant.ChallengeAsync());

        proxy.Forge(forged);

        await Assert.ThrowsAsync<TimeoutException>(async () => await participant.ChallengeAsync());
        Assert.Equal(1, proxy.ClosedBySilo);
        await GatewayChecks.LogsAsync(mesh.Silo, $"closed (forged-source): a message names {forged} as its sender, not this connection's client sys.client/");
        await GatewayChecks.CountsAsync(mesh.Ports, GatewayRefusal.ForgedSource, before);
        await GatewayChecks.FranceReachesGermanyAsync(mesh.Home, mesh.Ports.Gateway);
    }

    [Fact]
    public async Task A_50_MB_submit_from_a_plain_client_closes_its_connection_and_the_silo_stays_small()
    {
        var before = await GatewayChecks.RefusedAsync(mesh.Ports, GatewayRefusal.Oversized);
        var resident = GatewayChecks.ResidentBytes(mesh.Silo.Id);
        await using var client = await MeshClient.ConnectEmbeddedAsync(mesh.Ports.Gateway);
        var huge = new Envelope { MsgId = new string('x', 50 * 1024 * 1024) };

        await Assert.ThrowsAsync<TimeoutException>(async () => await client.Client.GetGrain<IParticipantGrain>("FR").SubmitAsync("no session", huge));

        await GatewayChecks.LogsAsync(mesh.Silo, "closed (oversized): a message frame announced a");
        await GatewayChecks.CountsAsync(mesh.Ports, GatewayRefusal.Oversized, before);
        var grown = GatewayChecks.ResidentBytes(mesh.Silo.Id) - resident;
        TestContext.Current.TestOutputHelper?.WriteLine($"silo resident memory grew by {grown / 1024 / 1024} MB");
        Assert.True(grown < 100 * 1024 * 1024, $"the silo grew by {grown / 1024 / 1024} MB");
        await GatewayChecks.FranceReachesGermanyAsync(mesh.Home, mesh.Ports.Gateway);
    }
}
