using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The envelope's <c>schema_version</c> selects its canonical form (schemas/canonical-json.md): 1.0.0 envelopes keep
/// the form they were signed and stored in, every later version is written with <see cref="MinimalJsonEscaping"/>.
/// Both share the contract (member order, names, time format); only the escaping of strings differs.
/// </summary>
internal static class CanonicalForms
{
    // The 1.0.0 form is System.Text.Json's default escaping: everything but printable ASCII, and " & ' + < > \ `, escaped.
    private static readonly MeshJsonContext Escaped = MeshJsonContext.Default;

    private static readonly MeshJsonContext Minimal = new(new JsonSerializerOptions(MeshJsonContext.Default.Options)
    {
        Encoder = MinimalJsonEscaping.Instance,
    });

    /// <summary>The string escaping of <paramref name="schemaVersion"/>'s canonical form, for writing untyped JSON in it.</summary>
    public static JavaScriptEncoder? Escaping(string schemaVersion) => EnvelopeContract(schemaVersion).Options.Encoder;

    /// <summary>The contract that writes an envelope of <paramref name="schemaVersion"/> in its canonical form.</summary>
    public static JsonTypeInfo<Envelope> EnvelopeContract(string schemaVersion) =>
        schemaVersion == SchemaVersions.V1_0_0 ? Escaped.Envelope : Minimal.Envelope;

    /// <summary>The contract that writes an envelope's <c>trace</c> member in <paramref name="schemaVersion"/>'s canonical form.</summary>
    public static JsonTypeInfo<TraceContext> TraceContract(string schemaVersion) =>
        schemaVersion == SchemaVersions.V1_0_0 ? Escaped.TraceContext : Minimal.TraceContext;
}
