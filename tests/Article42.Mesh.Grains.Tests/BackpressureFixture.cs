namespace Article42.Mesh.Grains.Tests;

/// <summary>A cluster with tight limits: a burst of 5 submits refilled at one every 2 s, and inboxes capped at 3 messages.</summary>
public sealed class BackpressureFixture : MeshClusterFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:SenderRatePerSecond"] = "0.5";
        settings["Delivery:SenderBurst"] = "5";
        settings["Delivery:InboxCap"] = "3";
        return settings;
    }
}
