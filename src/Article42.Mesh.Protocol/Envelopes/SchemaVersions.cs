namespace Article42.Mesh.Protocol;

/// <summary>Envelope schema versions this build writes and accepts.</summary>
public static class SchemaVersions
{
    /// <summary>The version this build writes.</summary>
    public const string Current = "1.0.0";

    /// <summary>Versions a silo accepts; a minor version may add optional fields only.</summary>
    public static ImmutableArray<string> Accepted { get; } = ["1.0.0"];
}
