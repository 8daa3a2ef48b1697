using Article42.Mesh.Exercises;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>Finds a scenario by shipped name or file, checked against the mesh's registry; a bad one is a refusal with line and column.</summary>
internal static class ScenarioFiles
{
    /// <summary>The scenario or every problem in it; a name that is neither a file nor a shipped scenario is a refusal (A42-CLI-001).</summary>
    public static ScenarioCheck Check(string nameOrFile, ParticipantRegistry registry)
    {
        try
        {
            if (File.Exists(nameOrFile))
                return new ScenarioCheck(nameOrFile, ScenarioLoader.Load(nameOrFile, registry), []);
            var shipped = ShippedScenarios.Find(nameOrFile)
                ?? throw new CliException(CliErrorCodes.NoSuchFile, nameOrFile, $"no such file and no shipped scenario of that name (shipped: {string.Join(", ", ShippedScenarios.All.Select(s => s.Name))})");
            return new ScenarioCheck(nameOrFile, shipped.Load(registry), []);
        }
        catch (ScenarioException ex)
        {
            return new ScenarioCheck(nameOrFile, null, ex.Errors);
        }
    }

    /// <summary>The scenario; one refusal line per problem when it cannot be played.</summary>
    public static Scenario Load(string nameOrFile, ParticipantRegistry registry)
    {
        var check = Check(nameOrFile, registry);
        return check.Scenario ?? throw new CliException(check.Errors);
    }

    /// <summary>The text of a scenario <see cref="Load"/> accepted: the file's, or the shipped scenario's.</summary>
    public static string Text(string nameOrFile) =>
        File.Exists(nameOrFile) ? File.ReadAllText(nameOrFile) : ShippedScenarios.Find(nameOrFile)!.Yaml();

    public static int Speed(int compression) =>
        compression is >= 1 and <= 100_000 ? compression : throw new CliException(CliErrorCodes.BadOptionValue, "--speed", $"{compression} is not between 1 and 100000 scenario seconds per real second");
}
