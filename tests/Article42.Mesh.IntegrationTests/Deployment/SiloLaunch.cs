using Article42.Mesh.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>How a deployment starts the silo: its arguments and its environment, references already resolved.</summary>
public sealed record SiloLaunch(string Source, ImmutableArray<string> Args, ImmutableDictionary<string, string> Environment)
{
    /// <summary>
    /// The settings the silo takes from this launch, read by the silo's own reader (every default applied, every value
    /// checked); a bad setting fails with the silo's errors.
    /// </summary>
    public MeshSettings Settings()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(Environment
            .Select(variable => (Key: SiloSettingKeys.KeyOfVariable(variable.Key), variable.Value))
            .Where(setting => setting.Key is not null)
            .Select(setting => new KeyValuePair<string, string?>(setting.Key!, setting.Value)));
        configuration.AddCommandLine([.. Args], MeshFlags.SwitchMappings());
        var (settings, errors) = MeshSettingsReader.Read(configuration, name => Environment.GetValueOrDefault(name));
        return settings ?? throw new InvalidOperationException($"{Source}: the silo refuses these settings:\n{string.Join('\n', errors)}");
    }

    /// <summary>
    /// The same launch with <paramref name="values"/> replaced wherever an argument, a flag's value or a variable holds
    /// exactly one of them. Every replacement must apply: one that finds nothing means the deployment changed under the test.
    /// </summary>
    public SiloLaunch Substitute(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Replace(string value)
        {
            if (values.TryGetValue(value, out var replacement))
            {
                used.Add(value);
                return replacement;
            }

            var equals = value.IndexOf('=', StringComparison.Ordinal);
            return value.StartsWith("--", StringComparison.Ordinal) && equals > 0 && values.ContainsKey(value[(equals + 1)..])
                ? value[..(equals + 1)] + Replace(value[(equals + 1)..])
                : value;
        }

        var launch = this with { Args = [.. Args.Select(Replace)], Environment = Environment.ToImmutableDictionary(v => v.Key, v => Replace(v.Value)) };
        var unused = values.Keys.Where(v => !used.Contains(v)).ToList();
        return unused.Count == 0 ? launch : throw new InvalidOperationException($"{Source} no longer holds {string.Join(", ", unused.Select(v => $"'{v}'"))}");
    }

    /// <summary>The same launch with <paramref name="key"/> set to <paramref name="value"/> wherever it sets that key (a flag or an A42__ variable).</summary>
    public SiloLaunch Set(string key, string value)
    {
        var found = false;
        var environment = Environment;
        foreach (var name in Environment.Keys.Where(name => key.Equals(SiloSettingKeys.KeyOfVariable(name), StringComparison.OrdinalIgnoreCase)))
        {
            environment = environment.SetItem(name, value);
            found = true;
        }

        var args = Args.ToBuilder();
        var flags = MeshFlags.SwitchMappings();
        for (var i = 0; i < args.Count; i++)
        {
            var equals = args[i].IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? args[i] : args[i][..equals];
            var sets = flags.TryGetValue(name, out var mapped) ? mapped : name.TrimStart('-');
            if (key.Equals(sets, StringComparison.OrdinalIgnoreCase))
            {
                args[equals < 0 ? i + 1 : i] = equals < 0 ? value : $"{name}={value}";
                found = true;
            }

            if (equals < 0)
                i++; // the flag's value
        }

        return found
            ? this with { Args = args.ToImmutable(), Environment = environment }
            : throw new InvalidOperationException($"{Source} does not set {key}");
    }

    /// <summary>
    /// The same launch with every path under <paramref name="mountPath"/> (an argument, a flag's value or a variable)
    /// moved under <paramref name="directory"/>, as if that directory were mounted there. At least one must be.
    /// </summary>
    public SiloLaunch Remount(string mountPath, string directory)
    {
        ArgumentNullException.ThrowIfNull(mountPath);
        ArgumentNullException.ThrowIfNull(directory);
        var prefix = mountPath.TrimEnd('/') + "/";
        var moved = 0;
        string Move(string value)
        {
            var at = value.IndexOf(prefix, StringComparison.Ordinal);
            if (at < 0 || (at > 0 && value[at - 1] != '='))
                return value;
            moved++;
            return value[..at] + Path.Combine(directory, value[(at + prefix.Length)..]);
        }

        var launch = this with { Args = [.. Args.Select(Move)], Environment = Environment.ToImmutableDictionary(v => v.Key, v => Move(v.Value)) };
        return moved > 0 ? launch : throw new InvalidOperationException($"{Source} reads no file under {mountPath}");
    }

    /// <summary>The same launch on <paramref name="ports"/> (flags after the deployment's own, so they win).</summary>
    public SiloLaunch On(SiloPorts ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return this with { Args = [.. Args, .. ports.Flags()] };
    }
}
