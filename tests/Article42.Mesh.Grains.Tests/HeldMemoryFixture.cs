namespace Article42.Mesh.Grains.Tests;

/// <summary>The delivery cluster with a small cap of held bodies (<see cref="Cap"/>), so a backlog of thousands passes it.</summary>
public sealed class HeldMemoryFixture : CountingJournalFixture
{
    public const long Cap = 4 * 1024 * 1024;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:HeldBytesCap"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}
