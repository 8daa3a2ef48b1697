namespace Article42.Mesh.Exercises;

/// <summary>Accepted quantity over requested quantity of an RFA (each line capped at its request) from a moment on.</summary>
public sealed record CoveragePoint(long Seconds, decimal Ratio);
