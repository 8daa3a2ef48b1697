using System.Text.Json;
using Json.Schema;

namespace Article42.Mesh.IntegrationTests;

/// <summary>The JSON schemas of <c>schemas/</c> in the repository, which the printed lines must satisfy.</summary>
public static class LineSchemas
{
    private static readonly Lazy<(JsonSchema Receipt, JsonSchema Report, JsonSchema ListenLine)> Loaded = new(Load);

    public static void AssertReceipt(string line) => AssertValid(Loaded.Value.Receipt, "receipt", line);

    public static void AssertReport(string line) => AssertValid(Loaded.Value.Report, "report", line);

    public static void AssertListenLine(string line) => AssertValid(Loaded.Value.ListenLine, "listen-line", line);

    private static void AssertValid(JsonSchema schema, string name, string line)
    {
        using var document = JsonDocument.Parse(line);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{name}.schema.json rejects {line}: {JsonSerializer.Serialize(results)}");
    }

    private static (JsonSchema, JsonSchema, JsonSchema) Load()
    {
        var directory = RepositoryRoot.Of("schemas");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema Read(string file)
        {
            var schema = JsonSchema.FromFile(Path.Combine(directory, file), options);
            options.SchemaRegistry.Register(schema);
            return schema;
        }
        var receipt = Read("receipt.schema.json");
        var report = Read("report.schema.json");
        return (receipt, report, Read("listen-line.schema.json"));
    }
}
