namespace Article42.Mesh.Exercises;

/// <summary>The scenarios shipped in the tool, each playable in under a minute at its compression.</summary>
public static class ShippedScenarios
{
    public static ImmutableArray<ShippedScenario> All { get; } =
    [
        new("cross-border-incursion", "Drones and a mechanised probe cross into Lithuania; LT invokes 42(7) and asks for air defence, engineers and medical teams."),
        new("cyber-critical-infrastructure", "A wiper takes down Estonia's grid and banks; EE invokes 42(7) and 222 and asks for the PESCO CRRT with ENISA, CERT-EU and CyCLONe."),
        new("hybrid-island", "Drones strike Limassol and a disinformation campaign follows; Cyprus, outside NATO, invokes 42(7)."),
        new("dual-invocation", "Latvia and Finland invoke 42(7) twenty minutes apart and compete for the same scarce air defence."),
    ];

    /// <summary>The shipped scenario of a name, or null.</summary>
    public static ShippedScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>The JSON schema of the scenario format.</summary>
    public static string Schema()
    {
        using var stream = typeof(ShippedScenarios).Assembly.GetManifestResourceStream("Article42.Mesh.Exercises.scenario.schema.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
