namespace Article42.Mesh.Faults.Cluster;

/// <summary>What a <see cref="SiloNode"/> runs: a dll beside the suite's own, and the arguments before the silo's flags.</summary>
public sealed record SiloProgram(string Dll, ImmutableArray<string> Leading)
{
    /// <summary>The silo as it ships.</summary>
    public static SiloProgram Shipped { get; } = new("Article42.Mesh.Silo.dll", []);
}
