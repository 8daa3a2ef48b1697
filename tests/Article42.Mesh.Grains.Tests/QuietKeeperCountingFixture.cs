namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A counting cluster whose keeper does not wake every participant during a test: its periodic wake (a minute by
/// default) reads the journal, and a test that counts the reads of fresh participants must see only its own calls.
/// </summary>
public class QuietKeeperCountingFixture : CountingJournalFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:KeeperInterval"] = "01:00:00";
        return settings;
    }
}
