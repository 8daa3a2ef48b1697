namespace Article42.Mesh.Gateway.Tests;

public sealed class SessionRenewalTests
{
    [Fact]
    public async Task A_quiet_gateway_renews_its_session_before_it_lapses_and_never_has_to_open_another()
    {
        await using var mesh = await MeshCluster.StartAsync(settings: new Dictionary<string, string?> { ["Delivery:SessionLifetime"] = "00:00:02" });
        await using var el = mesh.Gateway("EL");
        await using var cy = mesh.Gateway("CY");
        await using var inbox = new Reader<InboxMessage>(cy.ReceiveAsync);
        var first = Messages.Draft("EL", ["CY"]);
        await el.SendAsync(first);
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == first.MsgId, "the first SITREP");

        // Three renewals at half the lifetime take longer than one lifetime.
        await Deadline.UntilAsync(() => cy.ConsumingSessionRenewals >= 3, TimeSpan.FromSeconds(20), "three renewals of CY's session");
        var second = Messages.Draft("EL", ["CY"]);
        await el.SendAsync(second);

        Assert.Equal(second.MsgId, (await inbox.NextAsync("the second SITREP")).Envelope.MsgId);
        Assert.Equal(1, cy.ConsumingSessionOpens);
    }
}
