namespace Article42.Mesh.Grains.Tests;

/// <summary>A cluster whose backpressure is out of the way, for tests that push many messages.</summary>
public sealed class DeliveryFixture : MeshClusterFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:SenderRatePerSecond"] = "1000000";
        settings["Delivery:SenderBurst"] = "1000000";
        return settings;
    }
}
