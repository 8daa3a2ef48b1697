using Article42.Mesh.Exercises;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>Finds a scenario by shipped name or file, checked against the mesh's registry; a bad one is a refusal with line and column.</summary>
internal static class ScenarioFiles
{
    public static Scenario Load(string nameOrFile, ParticipantRegistry registry)
    {
        try
        {
            if (File.Exists(nameOrFile))
                return ScenarioLoader.Load(nameOrFile, registry);
            return ShippedScenarios.Find(nameOrFile)?.Load(registry)
                ?? throw new CliException(CliErrorCodes.NoSuchFile, nameOrFile, $"no such file and no shipped scenario of that name (shipped: {string.Join(", ", ShippedScenarios.All.Select(s => s.Name))})");
        }
        catch (ScenarioException ex)
        {
            throw new CliException([.. ex.Errors.Select(e => new MeshError(CliErrorCodes.BadScenario, $"{nameOrFile}:{e.Line}:{e.Column}", e.Message))]);
        }
    }

    public static int Speed(int compression) =>
        compression is >= 1 and <= 100_000 ? compression : throw new CliException(CliErrorCodes.BadOptionValue, "--speed", $"{compression} is not between 1 and 100000 scenario seconds per real second");
}
