namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A cluster where each sender has a burst of 3 submits that refills at one per 100 s: once spent, a sender stays
/// over its rate for the whole test, however slow the machine.
/// </summary>
public sealed class SlowRateFixture : MeshClusterFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:SenderRatePerSecond"] = "0.01";
        settings["Delivery:SenderBurst"] = "3";
        return settings;
    }
}
