namespace Article42.Mesh.Exercises;

/// <summary>A scenario that ships with the tool: its name (for <c>a42 exercise run NAME</c>) and a one-line description.</summary>
public sealed record ShippedScenario(string Name, string Description)
{
    /// <summary>The YAML text, as embedded in the assembly.</summary>
    public string Yaml()
    {
        using var stream = typeof(ShippedScenario).Assembly.GetManifestResourceStream($"Article42.Mesh.Exercises.Scenarios.{Name}.yaml")
            ?? throw new InvalidOperationException($"shipped scenario '{Name}' is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads and checks it against <paramref name="registry"/> (the default registry when null).</summary>
    public Scenario Load(ParticipantRegistry? registry = null) => ScenarioLoader.Parse(Yaml(), $"{Name}.yaml", registry);
}
