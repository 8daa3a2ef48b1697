using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>The delivery cluster (backpressure out of the way) on a journal whose every call is counted.</summary>
public class CountingJournalFixture : MeshClusterFixture
{
    public CountingJournal Counting { get; private set; } = null!;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:SenderRatePerSecond"] = "1000000";
        settings["Delivery:SenderBurst"] = "1000000";
        return settings;
    }

    protected override void Services(IServiceCollection services)
    {
        // The mesh registered its journal just before; the silo resolves the last registration, the decorator.
        var journal = services.Last(d => d.ServiceType == typeof(IMessageJournal)).ImplementationInstance as IMessageJournal
            ?? throw new InvalidOperationException("the mesh registered no journal instance");
        Counting = new CountingJournal(journal);
        services.AddSingleton<IMessageJournal>(Counting);
    }
}
