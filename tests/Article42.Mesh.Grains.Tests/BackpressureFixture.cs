using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A cluster with tight limits: a burst of 5 submits refilled at one every 2 s, and inboxes capped at 3 messages. The
/// mesh clock is the test's (sessions last a day of it): the rate limiter refills only when the test moves it.
/// </summary>
public sealed class BackpressureFixture : MeshClusterFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:SenderRatePerSecond"] = "0.5";
        settings["Delivery:SenderBurst"] = "5";
        settings["Delivery:InboxCap"] = "3";
        settings["Delivery:SessionLifetime"] = "1.00:00:00";
        return settings;
    }

    protected override void Services(IServiceCollection services) => services.AddSingleton(new MeshClock(Clock));
}
