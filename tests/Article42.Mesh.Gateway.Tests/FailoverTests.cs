namespace Article42.Mesh.Gateway.Tests;

[Collection(nameof(MeshCollection))]
public sealed class DeactivationTests(MeshFixture fixture)
{
    private MeshCluster Mesh => fixture.Mesh;

    [Fact]
    public async Task After_its_grain_is_deactivated_the_gateway_reopens_its_sessions_and_keeps_sending_and_receiving_once()
    {
        await using var fi = Mesh.Gateway("FI");
        await using var se = Mesh.Gateway("SE");
        await using var inbox = new Reader<InboxMessage>(se.ReceiveAsync);
        var before = Messages.Draft("FI", ["SE"]);
        await fi.SendAsync(before);
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == before.MsgId, "the SITREP before the deactivation");

        // Sessions live in the activation: both gateways' sessions are gone with it.
        await Mesh.Cluster.DeactivateAsync(Mesh.Grain("SE"));
        await Mesh.Cluster.DeactivateAsync(Mesh.Grain("FI"));
        var after = Messages.Draft("FI", ["SE"]);
        await fi.SendAsync(after);

        Assert.Equal(after.MsgId, (await inbox.NextAsync("the SITREP after the deactivation")).Envelope.MsgId);
        Assert.True(se.ConsumingSessionOpens >= 2, "SE's consuming session was opened again");
    }
}

public sealed class FailoverTests
{
    [Fact]
    public async Task A_gateway_rides_through_the_loss_of_the_silo_holding_its_grains_with_nothing_lost_or_repeated()
    {
        await using var mesh = await MeshCluster.StartAsync(silos: 2);
        await using var fr = mesh.Gateway("FR");
        await using var de = mesh.Gateway("DE");
        await using var inbox = new Reader<InboxMessage>(de.ReceiveAsync);
        var before = Messages.Draft("FR", ["DE"]);
        await fr.SendAsync(before);
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == before.MsgId, "the SITREP before the failover");
        // The silo holding DE's mailbox (and so its sessions) dies; FR's may be there too, or on the survivor.
        SiloAddress? host;
        using (ClusterSecretScope.Enter(InProcessMesh.ClusterSecret)) // placement is not a client call
            host = await Placement.HostOfAsync(mesh.Cluster.Client, mesh.Grain("DE"));
        await mesh.Cluster.KillSiloAsync(mesh.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)));
        var after = Messages.Draft("FR", ["DE"]);
        var receipt = await fr.SendAsync(after);

        Assert.Equal(after.MsgId, receipt.MessageId);
        Assert.Equal(after.MsgId, (await inbox.NextAsync("the SITREP after the failover", TimeSpan.FromSeconds(60))).Envelope.MsgId);
        Assert.Single(inbox.Read, m => m.Envelope.MsgId == before.MsgId);
        Assert.True(de.ConsumingSessionOpens >= 2, "DE's consuming session was opened again on the surviving silo");
    }
}
