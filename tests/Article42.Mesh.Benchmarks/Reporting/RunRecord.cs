using Article42.Mesh.Load.Measuring;

namespace Article42.Mesh.Benchmarks.Reporting;

/// <summary>One measured run with what was measured: system, configuration, load and traffic.</summary>
internal sealed record RunRecord(string System, string? Profile, string? Signatures, string? Tracing, string Load, string Pattern, RunFigures Figures)
{
    /// <summary>Delivered copies per second of this (mesh) run over the matching raw-twin run's; null without one.</summary>
    public double? MeshRawRatio { get; init; }

    /// <summary>Delivered copies per second of this (mesh) run over the matching crypto-twin run's; null without one.</summary>
    public double? MeshCryptoTwinRatio { get; init; }

    public string Title => System != "mesh"
        ? $"{System} twin, {Load}, {Pattern}"
        : $"mesh {Profile}, signatures {Signatures}, tracing {Tracing}, {Load}, {Pattern}";
}
