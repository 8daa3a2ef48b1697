using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.Nemeses;
using Article42.Mesh.Gateway;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// A silo paused until the others declare it dead, then woken, stops itself (issue 20's zombie): it finds itself dead in
/// the membership table and Orleans fails the process fast. The long form of seed 2020 paused silos for 35 s, inside
/// Orleans' connection-liveness window (60 s), so none was ever declared dead and each ran on.
/// </summary>
public sealed class ZombieSiloTests : IDisposable
{
    private readonly FailureArtefacts _artefacts = new("a42-faults-zombie-");

    [Fact]
    public async Task A_silo_woken_after_the_others_declared_it_dead_stops_itself()
    {
        var directory = _artefacts.Path;
        using var output = new TestOutputWriter();
        // Two silos: the one left is enough to declare the other dead (Orleans asks for fewer votes than
        // NumVotesForDeathDeclaration when fewer silos are active).
        await using var cluster = await FaultCluster.StartAsync(directory, silos: 2);
        var zombie = cluster.Silos[1];

        var exit = await ZombieSilo.PauseBeyondMembershipAsync(zombie, output.WriteLine, TimeProvider.System);

        Assert.True(exit is not null, $"{zombie.Name} still runs {ZombieSilo.StopsWithin.TotalSeconds:0} s after waking; logs in {directory}\n{zombie.Process!.Describe()}");
        Assert.Contains(zombie.Process!.Errors, l => l.Contains(ZombieSilo.ToldItIsDead, StringComparison.Ordinal));
        Assert.True(cluster.Silos[0].Running, $"{cluster.Silos[0].Name} stopped too");
        // Serves on: a send through the survivor's gateway alone is accepted and delivered, connection and send within a
        // minute (a gateway given a dead endpoint retries its connection until cancelled).
        using var serving = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        serving.CancelAfter(Deadline.Scaled(TimeSpan.FromSeconds(60)));
        await using var france = await MeshGateway.ConnectAsync(new MeshGatewayOptions
        {
            Participant = "FR",
            PrivateKey = TrustStore.Open(cluster.Keys).LoadPrivateKey("FR"),
            Connection = new() { Endpoints = [cluster.Gateways[0]] },
            SendDeadline = Deadline.Scaled(TimeSpan.FromSeconds(60)),
        }, serving.Token);
        var receipt = await france.SendAsync(france.Draft(MessageKind.Sitrep, "DE"), serving.Token);
        Assert.Equal("DE", Assert.Single(receipt.Recipients));
    }

    public void Dispose() => _artefacts.Dispose();
}
