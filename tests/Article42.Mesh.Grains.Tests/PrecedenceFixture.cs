using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A cluster with tight urgent limits: each sender may make 3 FLASH/OVERRIDE submits at once, refilled at one every
/// 2 s of a mesh clock only the test moves; an inbox holds at most 3 unacknowledged FLASH/OVERRIDE messages and 10 in
/// all. The ROUTINE rate is out of the way, so every refusal is the urgent limits' or the precedence rights'. HRVP is
/// the one precedence authority.
/// </summary>
public sealed class PrecedenceFixture : MeshClusterFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:SenderBurst"] = "1000";
        settings["Delivery:UrgentSenderBurst"] = "3";
        settings["Delivery:UrgentSenderRatePerSecond"] = "0.5";
        settings["Delivery:UrgentInboxShare"] = "3";
        settings["Delivery:InboxCap"] = "10";
        settings["Delivery:PrecedenceAuthorities"] = "HRVP";
        settings["Delivery:SessionLifetime"] = "1.00:00:00";
        return settings;
    }

    protected override void Services(IServiceCollection services) => services.AddSingleton(new MeshClock(Clock));
}
