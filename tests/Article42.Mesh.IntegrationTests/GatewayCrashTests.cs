using System.Globalization;
using System.Net;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A gateway process that acknowledges in batches, killed with SIGKILL with a batch half full (issue 19, item 1): every
/// message it was handed and did not acknowledge is handed again to its restart, flagged redelivered; none is lost.
/// </summary>
public sealed class GatewayCrashTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    private const int Messages = 100;
    private const int Batch = 40;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_gateway_killed_with_a_batch_unacknowledged_gets_every_unacknowledged_message_again_flagged_and_loses_none()
    {
        var sent = new List<string>();
        await using (var first = StartHelper("gateway (first)"))
        {
            await first.ReadyAsync();
            await using (var romania = await ConnectAsync("RO"))
            {
                for (var i = 0; i < Messages; i++)
                    sent.Add((await romania.SendAsync(romania.Draft(MessageKind.Sitrep, "BG"), TestContext.Current.CancellationToken)).MessageId);
            }
            await Deadline.UntilAsync(() => Lines(first, "handed").Count == Messages && Lines(first, "acked").Count == Messages / Batch, Within,
                $"all {Messages} messages handed and {Messages / Batch} batches acknowledged");
            await first.KillAsync();

            var handedBefore = Lines(first, "handed");
            Assert.Equal(sent.Order(), handedBefore.Select(h => h.Id).Order());
            Assert.All(handedBefore, h => Assert.False(h.Redelivered, $"{h.Id} was flagged on its first hand-out"));
            var acknowledged = first.Output.Where(l => l.StartsWith("acked ", StringComparison.Ordinal)).SelectMany(l => l.Split(' ').Skip(1)).ToHashSet();
            var unacknowledged = sent.Where(id => !acknowledged.Contains(id)).ToList();
            Assert.Equal(Messages % Batch, unacknowledged.Count);

            await using var restarted = StartHelper("gateway (restarted)");
            await Deadline.UntilAsync(() => Lines(restarted, "handed").Count >= unacknowledged.Count, Within,
                $"the {unacknowledged.Count} unacknowledged messages handed to the restarted gateway");
            var handedAgain = Lines(restarted, "handed");
            Assert.Equal(unacknowledged.Order(), handedAgain.Select(h => h.Id).Order());
            Assert.All(handedAgain, h => Assert.True(h.Redelivered, $"{h.Id} was handed again without the redelivered flag"));
        }
    }

    private TestProcess StartHelper(string name) =>
        TestProcess.StartDll(name, "Article42.Mesh.Gateway.CrashHelper.dll",
            [mesh.Ports.Gateway.ToString(CultureInfo.InvariantCulture), Path.Combine(mesh.Home, "keys"), "BG", Batch.ToString(CultureInfo.InvariantCulture)]);

    private Task<MeshGateway> ConnectAsync(string participant) => MeshGateway.ConnectAsync(new MeshGatewayOptions
    {
        Participant = participant,
        PrivateKey = TrustStore.Open(Path.Combine(mesh.Home, "keys")).LoadPrivateKey(participant),
        Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, mesh.Ports.Gateway)] },
    }, TestContext.Current.CancellationToken);

    private static List<(string Id, bool Redelivered)> Lines(TestProcess helper, string kind) =>
        [.. helper.Output.Where(l => l.StartsWith(kind + " ", StringComparison.Ordinal)).Select(l => l.Split(' ')).Select(p => (p[1], p.Length > 2 && p[2] == "redelivered"))];
}
