using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>deploy/compose/docker-compose.yml: its services, and the launch Docker makes of a silo service.</summary>
public sealed class ComposeFile
{
    public const string Folder = "deploy/compose";

    public YamlMappingNode Root { get; } = Assert.Single(Yaml.Documents(RepositoryFile.Read($"{Folder}/docker-compose.yml")));

    /// <summary>The services that run the silo image.</summary>
    public IReadOnlyList<string> Silos => [.. Root.Map("services").Children
        .Where(s => s.Value.TextOrNull("image")?.StartsWith("article42-mesh/silo:", StringComparison.Ordinal) == true)
        .Select(s => ((YamlScalarNode)s.Key).Value!)];

    public YamlMappingNode Service(string name) => Root.Map("services", name);

    /// <summary>
    /// The silo's arguments (<c>command</c>, after the image's entry point) and environment: each <c>env_file</c> as its
    /// committed <c>.example</c>, then <c>environment</c>, which wins.
    /// </summary>
    public SiloLaunch Launch(string service)
    {
        var node = Service(service);
        Assert.Null(node.At("entrypoint"));
        var environment = ImmutableDictionary.CreateBuilder<string, string>();
        var envFiles = node.At("env_file") is YamlScalarNode single ? [single] : node.List("env_file");
        foreach (var file in envFiles.Select(f => ((YamlScalarNode)f).Value!))
            environment.AddRange(EnvFile($"{Folder}/{file}.example"));
        foreach (var (name, value) in node.Strings("environment"))
            environment[name] = value;
        return new SiloLaunch($"compose service {service}", [.. node.List("command").Select(a => ((YamlScalarNode)a).Value!)], environment.ToImmutable());
    }

    /// <summary>A KEY=VALUE file as Docker reads it: blank lines and # comments skipped, the value taken literally.</summary>
    public static IReadOnlyDictionary<string, string> EnvFile(string relative) => RepositoryFile.Read(relative)
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('=', 2))
        .ToDictionary(parts => parts[0], parts => parts[1]);
}
