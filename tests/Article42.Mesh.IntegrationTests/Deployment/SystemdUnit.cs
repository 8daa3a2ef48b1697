namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>deploy/systemd/a42-silo.service: its settings, and the launch systemd makes of ExecStart.</summary>
public sealed class SystemdUnit
{
    public const string Folder = "deploy/systemd";

    private readonly List<(string Section, string Key, string Value)> entries = [];

    public SystemdUnit()
    {
        var section = "";
        foreach (var line in RepositoryFile.Read($"{Folder}/a42-silo.service").Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith('['))
                section = line.Trim('[', ']');
            else if (line.Length > 0 && !line.StartsWith('#') && line.Split('=', 2) is [var key, var value])
                entries.Add((section, key, value));
        }
    }

    /// <summary>The values of <paramref name="key"/> in [Service], in order.</summary>
    public IReadOnlyList<string> Values(string key) => [.. entries.Where(e => e.Section == "Service" && e.Key == key).Select(e => e.Value)];

    public string Value(string key) => Assert.Single(Values(key));

    /// <summary>ExecStart, split as systemd splits an unquoted command line.</summary>
    public IReadOnlyList<string> Command
    {
        get
        {
            var command = Value("ExecStart");
            Assert.DoesNotContain(command, c => c is '"' or '\'' or '\\' or '$' or '%'); // nothing systemd would unquote or expand
            return command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>ExecStart's arguments and the environment: EnvironmentFile as its committed .example, then Environment=.</summary>
    public SiloLaunch Launch()
    {
        var environment = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var file in Values("EnvironmentFile"))
            environment.AddRange(ComposeFile.EnvFile($"{Folder}/{Path.GetFileName(file.TrimStart('-'))}.example"));
        foreach (var assignment in Values("Environment").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            environment[assignment.Split('=', 2)[0]] = assignment.Split('=', 2)[1];
        return new SiloLaunch("a42-silo.service", [.. Command.Skip(1)], environment.ToImmutable());
    }

    /// <summary>A systemd time span: seconds, or with s/min/h units.</summary>
    public static TimeSpan Duration(string value) =>
        int.TryParse(value, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : value.EndsWith("min", StringComparison.Ordinal) ? TimeSpan.FromMinutes(int.Parse(value[..^3]))
        : value.EndsWith('s') ? TimeSpan.FromSeconds(int.Parse(value[..^1]))
        : throw new InvalidOperationException($"'{value}' is not a time span this test reads");
}
