namespace Article42.Mesh.Protocol;

/// <summary>
/// Envelope schema versions this build writes and accepts. The version also selects the canonical form the envelope
/// is encoded, signed and stored in (schemas/canonical-json.md).
/// </summary>
public static class SchemaVersions
{
    /// <summary>The first version: strings in System.Text.Json's default escaping (non-ASCII and <c>&lt;&amp;+</c> as <c>\uXXXX</c>).</summary>
    public const string V1_0_0 = "1.0.0";

    /// <summary>Strings escape only what JSON requires; every other character is its own UTF-8 bytes.</summary>
    public const string V1_1_0 = "1.1.0";

    /// <summary>The version this build writes.</summary>
    public const string Current = V1_1_0;

    /// <summary>Versions a silo accepts; a minor version may add optional fields only, or change the canonical form.</summary>
    public static ImmutableArray<string> Accepted { get; } = [V1_0_0, V1_1_0];
}
