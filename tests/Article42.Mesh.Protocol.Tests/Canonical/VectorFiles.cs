using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// schemas/vectors/ on disk: per vector <c>NAME.json</c> (the envelope's fields, its sizes and SHA-256 digests),
/// <c>NAME.canonical.bin</c> (the canonical bytes of the whole envelope: what the mesh stores) and <c>NAME.signed.bin</c>
/// (the bytes the signature covers); and the published test key that signed them all.
/// </summary>
internal static class VectorFiles
{
    public const string KeyFile = "test-key.pem";
    public const string Signer = "FR";

    public static string Directory { get; } = FindDirectory();

    /// <summary>
    /// <c>A42_WRITE_SCHEMAS=1</c>: the tests rewrite schemas/vectors/ and schemas/canonical-members.md from the code
    /// before checking them (run <c>CanonicalVectorTests</c> and <c>CanonicalMembersTests</c> alone), then review the diff.
    /// </summary>
    public static bool Rewrite => Environment.GetEnvironmentVariable("A42_WRITE_SCHEMAS") == "1";

    public static string PathOf(string name, string suffix) => Path.Combine(Directory, name + suffix);

    public static ECDsa LoadKey() => ParticipantKeys.LoadPrivateKey(Path.Combine(Directory, KeyFile));

    /// <summary>The default registry with the test key as <see cref="Signer"/>'s public key.</summary>
    public static ParticipantRegistry Registry(ECDsa key) =>
        new(ParticipantRegistry.Default.Participants.Select(p => p.Id == Signer ? p with { PublicKey = ParticipantKeys.PublicKeyOf(key) } : p));

    /// <summary>Writes every case of <see cref="VectorCases"/>, signed with the published test key (made once).</summary>
    public static void WriteAll()
    {
        var keyPath = Path.Combine(Directory, KeyFile);
        if (!File.Exists(keyPath))
        {
            using var fresh = ParticipantKeys.Generate();
            File.WriteAllText(keyPath, ParticipantKeys.PrivateKeyPem(fresh) + "\n");
        }
        using var key = LoadKey();
        foreach (var vector in VectorCases.All)
            Write(vector, EnvelopeSignatures.Sign(vector.Envelope, key));
    }

    /// <summary>Writes one vector: the signed envelope, its canonical bytes and its signed bytes.</summary>
    private static void Write(VectorCase vector, Envelope signed)
    {
        var canonical = EnvelopeCodec.Encode(signed);
        var signedBytes = EnvelopeCodec.CanonicalBytes(signed);
        var document = new JsonObject
        {
            ["name"] = vector.Name,
            ["description"] = vector.Description,
            ["schema_version"] = signed.SchemaVersion,
            ["canonical_bytes"] = canonical.Length,
            ["canonical_sha256"] = Hex(canonical),
            ["signed_bytes"] = signedBytes.Length,
            ["signed_sha256"] = Hex(signedBytes),
            ["envelope"] = JsonNode.Parse(canonical),
        };
        using (var file = File.Create(PathOf(vector.Name, ".json")))
        using (var writer = new Utf8JsonWriter(file, Readable))
            document.WriteTo(writer);
        File.AppendAllText(PathOf(vector.Name, ".json"), "\n");
        File.WriteAllBytes(PathOf(vector.Name, ".canonical.bin"), canonical);
        File.WriteAllBytes(PathOf(vector.Name, ".signed.bin"), signedBytes);
    }

    /// <summary>JSON as the vector files spell it: relaxed escapes, compact.</summary>
    public static byte[] Spell(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Readable.Encoder }))
            node.WriteTo(writer);
        return buffer.ToArray();
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // The field files are for people: indented, and no escapes beyond JSON's own (any escaping decodes the same).
    private static readonly JsonWriterOptions Readable = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Article42.Mesh.sln")))
                return Path.Combine(dir.FullName, "schemas", "vectors");
        }
        throw new InvalidOperationException($"no Article42.Mesh.sln above {AppContext.BaseDirectory}");
    }
}
