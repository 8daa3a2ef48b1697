using System.Reflection;
using System.Text.Json;
using Orleans.Configuration;

namespace Article42.Mesh.IntegrationTests.ClientSurface;

/// <summary>
/// Every grain, grain-extension and system-target interface in the assemblies a mesh silo loads (Orleans', the
/// dashboard's and the mesh's: each <c>Orleans.*.dll</c> and <c>Article42.Mesh.*.dll</c> the silo's manifest names, loaded here),
/// found by reflection, not listed by hand; and the ids by which a plain client, knowing only the silo's address, names
/// the silo's system targets: Orleans' well-known system-target types and the grain-service ids of every grain-service
/// interface.
/// </summary>
public static class SiloInterfaces
{
    /// <summary>The silo's own dependency manifest, beside it in the test's output: what its process loads.</summary>
    private const string SiloManifest = "Article42.Mesh.Silo.deps.json";

    /// <summary>
    /// The assemblies this search loads: every Orleans and mesh assembly the silo's manifest names. Not every one in the
    /// directory: the test's own references (Orleans.Streaming, Orleans.TestingHost, ...) sit there too, and a call of
    /// an interface the silo does not have never reaches a grain (Orleans cannot read its body and answers with a
    /// TypeLoadException).
    /// </summary>
    public static IReadOnlyList<Assembly> Assemblies()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SiloManifest)));
        var root = manifest.RootElement;
        var target = root.GetProperty("targets").GetProperty(root.GetProperty("runtimeTarget").GetProperty("name").GetString()!);
        return
        [
            .. target.EnumerateObject()
                .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(file => Path.GetFileName(file.Name)) : [])
                .Where(file => file.StartsWith("Orleans.", StringComparison.Ordinal) || file.StartsWith("Article42.Mesh.", StringComparison.Ordinal))
                .Select(file => Assembly.Load(AssemblyName.GetAssemblyName(Path.Combine(AppContext.BaseDirectory, file))))
                .Distinct(),
        ];
    }

    /// <summary>Every interface with methods that names something remote: a grain, an extension of one, or a system target.</summary>
    public static IReadOnlyList<Type> All() =>
        [.. Assemblies().SelectMany(Types)
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !t.ContainsGenericParameters && t.GetMethods().Any(m => !m.IsStatic))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>
    /// The ids a system target of <paramref name="silo"/> can have, as a client can build them: each well-known
    /// system-target type of Orleans (the static <c>GrainType</c>s of its internal <c>Constants</c>), plain and as
    /// partition 0, and each grain-service interface's id (the type code Orleans derives from the interface).
    /// </summary>
    public static IReadOnlyList<GrainId> SystemTargetIds(SiloAddress silo, IEnumerable<Type> interfaces)
    {
        var core = typeof(ClientMessagingOptions).Assembly;
        var constants = core.GetType("Orleans.Runtime.Constants", throwOnError: true)!;
        var wellKnown = constants.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(GrainType))
            .Select(f => (GrainType)f.GetValue(null)!)
            .Distinct()
            .ToList();
        Assert.True(wellKnown.Count >= 10, $"Orleans' Constants name {wellKnown.Count} system-target types: has an upgrade moved them?");
        var typeCode = core.GetType("Orleans.CodeGeneration.GrainInterfaceUtils", throwOnError: true)!.GetMethod("GetGrainClassTypeCode")!;
        var services = interfaces.Where(i => typeof(Orleans.Services.IGrainService).IsAssignableFrom(i) && i != typeof(Orleans.Services.IGrainService))
            .Select(i => SystemTargetGrainId.CreateGrainServiceGrainId((int)typeCode.Invoke(null, [i])!, null!, silo));
        return
        [
            .. wellKnown.Select(type => SystemTargetGrainId.Create(type, silo).GrainId),
            .. wellKnown.Select(type => SystemTargetGrainId.Create(type, silo, "0").GrainId),
            .. services,
        ];
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
