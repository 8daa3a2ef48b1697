namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A quiet-keeper counting cluster in a sender's steady state: its delivery records always ride on its next write, as
/// they do while it writes more often than <see cref="DeliveryOptions.CheckpointDelay"/> (issue #18), because the idle
/// checkpoint's delay is an hour. A test that waits for the journal to fall quiet between messages measures, without
/// it, the checkpoint write of an idle sender, one per delay and sender, not per message.
/// </summary>
public sealed class SteadyStateCountingFixture : QuietKeeperCountingFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:CheckpointDelay"] = "01:00:00";
        return settings;
    }
}
