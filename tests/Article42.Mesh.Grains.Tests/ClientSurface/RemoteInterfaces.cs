using System.Reflection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Every grain, grain-extension and system-target interface that Orleans and the mesh define (the assemblies the silo
/// loads, found by reflection, not listed by hand), each as a reference a plain client can call.
/// </summary>
public static class RemoteInterfaces
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(IGrain).Assembly, typeof(IManagementGrain).Assembly, typeof(SystemTarget).Assembly,
        typeof(IParticipantGrain).Assembly, typeof(ParticipantGrain).Assembly,
    ];

    /// <summary>Every interface with methods that names something remote: a grain, an extension of one, or a system target.</summary>
    public static IEnumerable<Type> All() =>
        Assemblies.Distinct().SelectMany(Types)
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !t.ContainsGenericParameters
                && t.GetMethods().Any(m => !m.IsStatic))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>
    /// A client reference of <paramref name="type"/>: one of the silo's live system targets that implements it (from the
    /// silo's activation directory, <paramref name="silo"/>'s services), an extension on a participant grain, or a grain
    /// by its key (<paramref name="integerKey"/> or <paramref name="stringKey"/>); null when nothing in the silo
    /// implements it, so no client can reach it.
    /// </summary>
    public static IAddressable? Reference(IGrainFactory client, Type type, IServiceProvider silo, long integerKey, string stringKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(type);
        if (typeof(ISystemTarget).IsAssignableFrom(type))
            return SystemTargets(silo).FirstOrDefault(target => type.IsInstanceOfType(target.Value)) is { Value: not null } found
                ? (IAddressable)client.GetGrain(found.Key).Cast(type)
                : null;
        if (typeof(IGrainExtension).IsAssignableFrom(type))
            return (IAddressable)client.GetGrain<IParticipantGrain>(stringKey).Cast(type);
        try
        {
            if (typeof(IGrainWithIntegerKey).IsAssignableFrom(type))
                return client.GetGrain(type, integerKey);
            if (typeof(IGrainWithStringKey).IsAssignableFrom(type))
                return client.GetGrain(type, stringKey);
            if (typeof(IGrainWithGuidKey).IsAssignableFrom(type))
                return client.GetGrain(type, Guid.NewGuid());
        }
        catch (ArgumentException)
        {
            // No grain class implements it here: the client cannot name it.
        }
        return null;
    }

    /// <summary>The silo's system targets by id, from Orleans' (internal) activation directory.</summary>
    private static IEnumerable<KeyValuePair<GrainId, IGrainContext>> SystemTargets(IServiceProvider silo)
    {
        var directoryType = typeof(SystemTarget).Assembly.GetType("Orleans.Runtime.ActivationDirectory", throwOnError: true)!;
        var directory = (IEnumerable<KeyValuePair<GrainId, IGrainContext>>)silo.GetService(directoryType)!;
        return directory.Where(entry => entry.Value is SystemTarget).ToList();
    }

    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }
}
