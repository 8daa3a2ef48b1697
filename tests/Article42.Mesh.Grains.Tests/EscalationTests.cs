using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

/// <summary>A cluster whose mesh clock the test drives; Orleans keeps its own.</summary>
public sealed class FakeClockFixture : MeshClusterFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:SessionLifetime"] = "1.00:00:00";
        settings["Delivery:SenderRatePerSecond"] = "1000000";
        settings["Delivery:SenderBurst"] = "1000000";
        return settings;
    }

    protected override void Services(IServiceCollection services) => services.AddSingleton(new MeshClock(Clock));
}

public sealed class EscalationTests(FakeClockFixture mesh) : IClassFixture<FakeClockFixture>
{
    [Fact]
    public async Task A_default_receipt_missing_at_50_and_100_percent_of_its_SLO_escalates_to_the_originator_and_breaches_the_activation()
    {
        var script = new ActivationScript(mesh, "A42-2026-0401");
        var invocation = await script.SendAsync("FR", MessageKind.Invocation, ["DE", "IT", "ES"]);
        Assert.Equal(Precedence.Flash, invocation.PrecedenceAction);
        var germany = mesh.Gateway("DE");
        await germany.ReceiveAsync([invocation.MsgId]);
        await germany.SendAsync(TestKeys.Signed("DE", ["FR"], MessageKind.Receipt, e => e with { InReplyTo = invocation.MsgId }));
        var france = mesh.Gateway("FR");
        await Deadline.UntilAsync(async () => (await mesh.Journal.FindByMessageIdAsync(invocation.MsgId)).Any(e => e.Type == "receipted"),
            TimeSpan.FromSeconds(10), "DE's receipt to reach FR");

        mesh.Clock.Advance(TimeSpan.FromMinutes(5));
        var half = await EscalationsAsync(france, invocation.MsgId, count: 2);
        Assert.Equal(["ES", "IT"], half.Select(r => r.Recipient).Order());
        Assert.All(half, r => Assert.Equal(50, r.ThresholdPercent));

        await mesh.Gateway("ES").ReceiveAsync([invocation.MsgId]);
        await mesh.Gateway("ES").SendAsync(TestKeys.Signed("ES", ["FR"], MessageKind.Receipt, e => e with { InReplyTo = invocation.MsgId }));
        await Deadline.UntilAsync(async () => (await mesh.Journal.FindByMessageIdAsync(invocation.MsgId)).Count(e => e.Type == "receipted") == 2,
            TimeSpan.FromSeconds(10), "ES's receipt to reach FR");

        mesh.Clock.Advance(TimeSpan.FromMinutes(5));
        var all = await EscalationsAsync(france, invocation.MsgId, count: 3);
        Assert.Equal(("IT", 100), all.Where(r => r.ThresholdPercent == 100).Select(r => (r.Recipient, r.ThresholdPercent ?? 0)).Single());

        var breaches = (await script.SummaryAsync()).Breaches;
        Assert.Equal([("ES", 50), ("IT", 50), ("IT", 100)], breaches.Select(b => (b.Recipient, b.ThresholdPercent)).Order());
        Assert.All(breaches, b => Assert.Equal(invocation.MsgId, b.MessageId));
    }

    [Fact]
    public async Task A_kind_that_asks_for_no_receipt_never_escalates()
    {
        var sitrep = TestKeys.Signed("NL", ["BE"]);
        Assert.DoesNotContain(AckType.Rn, AckDefaults.Effective(sitrep));
        await mesh.Gateway("NL").SendAsync(sitrep);
        await mesh.Gateway("BE").ReceiveAsync([sitrep.MsgId]);
        mesh.Clock.Advance(TimeSpan.FromHours(7));
        var invocation = TestKeys.Signed("NL", ["BE"], MessageKind.IncidentReport);
        await mesh.Gateway("NL").SendAsync(invocation);
        mesh.Clock.Advance(TimeSpan.FromMinutes(6));
        await EscalationsAsync(mesh.Gateway("NL"), invocation.MsgId, count: 1);
        Assert.DoesNotContain(await mesh.Gateway("NL").ReportsAsync(1), r => r.MessageId == sitrep.MsgId && r.Kind == ReportKind.Escalated);
    }

    private static async Task<List<DeliveryReport>> EscalationsAsync(TestGateway originator, string messageId, int count)
    {
        var escalations = new List<DeliveryReport>();
        await Deadline.UntilAsync(async () =>
        {
            var outcome = await originator.Grain.ReportsAsync(await originator.TokenAsync(), 0, 500);
            escalations = [.. outcome.Reports.Where(r => r.MessageId == messageId && r.Kind == ReportKind.Escalated)];
            return escalations.Count >= count;
        }, TimeSpan.FromSeconds(20), $"{count} escalations of {messageId}");
        return escalations;
    }
}
