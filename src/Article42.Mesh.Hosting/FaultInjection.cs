using Article42.Mesh.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace Article42.Mesh.Hosting;

/// <summary>
/// The fault suite shows its checker red with a journal that loses messages on purpose, set by <c>Faults:*</c> keys and
/// wired by the suite's own silo host. A silo refuses those keys at start, so no deployment can turn the loss on, by a
/// flag, an environment variable or a settings file.
/// </summary>
internal static class FaultInjection
{
    public const string Section = "Faults";

    public static void Refuse(IConfiguration configuration)
    {
        var set = configuration.GetSection(Section).AsEnumerable().FirstOrDefault(pair => pair.Value is not null);
        if (set.Key is { } key)
            throw new ConfigurationFailedException(new MeshError(ConfigErrorCodes.FaultInjectionRefused, key, "fault injection is for the fault suite's own test host (tests/Article42.Mesh.Faults); a silo refuses it"));
    }
}
