using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The delivery cluster (backpressure out of the way) whose deliveries to <see cref="HeldRecipient"/> can be held and
/// are recorded batch by batch (<see cref="Deliveries"/>); a delivery retried while held waits at most a second.
/// </summary>
public sealed class BatchBytesFixture : MeshClusterFixture
{
    public const string HeldRecipient = "DK";

    public DeliveryBatches Deliveries { get; } = new(HeldRecipient);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Delivery:SenderRatePerSecond"] = "1000000";
        settings["Delivery:SenderBurst"] = "1000000";
        settings["Delivery:RetryMaxDelay"] = "00:00:01";
        return settings;
    }

    protected override void Services(IServiceCollection services) => services.AddSingleton<IIncomingGrainCallFilter>(Deliveries);
}
