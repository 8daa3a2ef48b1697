using Orleans.Providers;

namespace Article42.Mesh.Grains;

/// <summary>
/// Answers, on each silo, which registry version it applies (issue #21: <c>a42 status</c> shows each silo's and flags a
/// mismatch). The admin grain asks every active silo through Orleans' management grain
/// (<c>IManagementGrain.SendControlCommandToProvider</c>), the one call Orleans routes to each silo in turn; the silo
/// finds this control by its <see cref="Name"/> among its keyed <see cref="IControllable"/> services.
/// </summary>
internal sealed class RegistryVersionControl(IRegistryHolder holder, ILocalSiloDetails silo) : IControllable
{
    public const string Name = "a42-registry-version";

    public Task<object?> ExecuteCommand(int command, object? arg) =>
        Task.FromResult<object?>(new SiloRegistryVersion(silo.SiloAddress.ToParsableString(), holder.Version));
}
