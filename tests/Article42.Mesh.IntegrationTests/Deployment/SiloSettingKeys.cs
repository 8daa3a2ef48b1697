using System.Reflection;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>
/// What the silo reads, from its own code: the keys of <see cref="ConfigKeys"/>, the properties of the option sections
/// it binds, logging levels, the short flags of <see cref="MeshFlags"/>, and the few environment variables that are
/// not configuration. A deployment that sets anything else sets something the silo ignores.
/// </summary>
public static class SiloSettingKeys
{
    private static readonly string[] Variables = [ConfigKeys.PodIp, ConfigKeys.PodName, ConfigKeys.PodNamespace, "A42_HOME"];

    private static readonly ImmutableHashSet<string> Keys = typeof(ConfigKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .Except([.. OptionSections.Sections.Select(s => s.Section), .. Variables])
        .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configuration key an environment variable sets (<c>A42__Cluster__Redis</c>: <c>Cluster:Redis</c>), or null.</summary>
    public static string? KeyOfVariable(string name) =>
        name.StartsWith(MeshConfiguration.EnvironmentPrefix, StringComparison.Ordinal)
            ? name[MeshConfiguration.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)
            : null;

    /// <summary>Each flag of <paramref name="args"/> as the key it sets and its value; a flag the silo does not know is an error.</summary>
    public static IReadOnlyList<(string Key, string Value)> Flags(IReadOnlyList<string> args)
    {
        var mappings = MeshFlags.SwitchMappings();
        var flags = new List<(string, string)>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new InvalidOperationException($"'{arg}' is not a flag");
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            var value = equals < 0 ? (++i < args.Count ? args[i] : throw new InvalidOperationException($"'{name}' has no value")) : arg[(equals + 1)..];
            var key = mappings.TryGetValue(name, out var mapped) ? mapped
                : name.Contains(':', StringComparison.Ordinal) || name.Equals("--" + ConfigKeys.Profile, StringComparison.OrdinalIgnoreCase) ? name[2..]
                : throw new InvalidOperationException($"'{name}' is not a flag of the silo");
            flags.Add((key, value));
        }

        return flags;
    }

    /// <summary>True when the silo reads <paramref name="key"/>.</summary>
    public static bool IsRead(string key)
    {
        if (Keys.Contains(key) || key.StartsWith("Logging:LogLevel:", StringComparison.OrdinalIgnoreCase))
            return true;
        var parts = key.Split(':');
        return parts.Length == 2 && OptionSections.Sections.Any(s =>
            s.Section.Equals(parts[0], StringComparison.OrdinalIgnoreCase)
            && s.Options.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true });
    }

    /// <summary>Every flag and variable of <paramref name="launch"/> the silo does not read, described; empty when all are read.</summary>
    public static IEnumerable<string> Unread(SiloLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        foreach (var (key, _) in Flags(launch.Args).Where(flag => !IsRead(flag.Key)))
            yield return $"flag --{key}";
        foreach (var name in launch.Environment.Keys)
        {
            var key = KeyOfVariable(name);
            if (key is null ? !Variables.Contains(name, StringComparer.Ordinal) : !IsRead(key))
                yield return $"variable {name}";
        }
    }
}
