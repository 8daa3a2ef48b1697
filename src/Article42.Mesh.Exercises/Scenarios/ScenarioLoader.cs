namespace Article42.Mesh.Exercises;

/// <summary>
/// Loads a scenario file (format: docs-exercises.md, schema: <c>scenario.schema.json</c>). A scenario that cannot
/// be played is refused whole with a <see cref="ScenarioException"/> that lists every error with its line and column.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The exercise-control participant that plays EXCON's injects.</summary>
    public const string Excon = "EXCON";

    /// <summary>Reads (at most 1 MiB of UTF-8 text) and checks a scenario file against <paramref name="registry"/> (the default registry when null).</summary>
    public static Scenario Load(string path, ParticipantRegistry? registry = null) =>
        Parse(ScenarioText.Read(path), Path.GetFileName(path), registry);

    /// <summary>Checks a scenario text; <paramref name="sourceName"/> prefixes every error (<c>name:line:column: sentence</c>).</summary>
    public static Scenario Parse(string yaml, string sourceName, ParticipantRegistry? registry = null)
    {
        var reader = new ScenarioReader(sourceName, registry ?? ParticipantRegistry.Default);
        var scenario = reader.Read(yaml);
        if (reader.Errors.Count > 0 || scenario is null)
            throw new ScenarioException(sourceName, [.. reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        return scenario;
    }
}
