namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// Input the gateway and operator commands refuse before they reach any mesh: each with its code and the option it
/// names, exit 2. (What the mesh itself refuses is tested against real silos in the integration tests.)
/// </summary>
public sealed class GatewayCommandInputTests(TrustStoreFixture store) : IClassFixture<TrustStoreFixture>
{
    // A port nothing listens on: a command that wrongly got as far as connecting would exit 4 (unreachable) instead of 2.
    private const string Nowhere = "127.0.0.1:9";

    [Theory]
    [InlineData("A42-JSON-001", "--body", "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--body", "{not json")]
    [InlineData("A42-JSON-004", "--body", "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--body", "[1,2]")]
    [InlineData("A42-JSON-002", "$.payload.colour", "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--body", """{"colour":"red"}""")]
    [InlineData("A42-CLI-001", "/no/such/body.json:", "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--body", "@/no/such/body.json")]
    [InlineData("A42-CLI-004", "--to", "send", "--as", "FR", "--kind", "SITREP")]
    [InlineData("A42-CLI-004", "--as", "send", "--to", "DE", "--kind", "SITREP")]
    [InlineData("A42-CLI-002", "--kind", "send", "--as", "FR", "--to", "DE", "--kind", "POSTCARD")]
    [InlineData("A42-CLI-002", "--label", "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--label", "TOP_SECRET")]
    [InlineData("A42-CLI-002", "--info-precedence", "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--info-precedence", "9")]
    [InlineData("A42-CLI-002", "--as", "send", "--as", "XX", "--to", "DE", "--kind", "SITREP")]
    [InlineData("A42-CLI-002", "--timeout", "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--timeout", "0")]
    [InlineData("A42-CLI-002", "--gateway", "send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--gateway", "mesh.example:30000")]
    [InlineData("A42-CLI-002", "--as", "listen", "--as", "DE,DE")]
    [InlineData("A42-CLI-002", "--count", "listen", "--as", "DE", "--count", "0")]
    [InlineData("A42-CLI-002", "--as", "listen", "--as", "DE,ATLANTIS")]
    [InlineData("A42-KEYS-002", "--operator-key", "status", "--operator-key", "/no/such/operator.pem")]
    [InlineData("A42-KEYS-002", "--operator-key", "trace", "01M8D45G7APMF4CD7T5GJM061A", "--operator-key", "/no/such/operator.pem")]
    public async Task Refused_before_reaching_the_mesh_with_its_code_naming_the_field(string code, string field, params string[] args)
    {
        var result = await store.RunAsync(args.Contains("--gateway") ? args : [.. args, "--gateway", Nowhere]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{code} {field}", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>No command hands a client the membership Redis any more: <c>--redis</c> is an unknown option (docs/operations/security.md).</summary>
    [Theory]
    [InlineData("send", "--as", "FR", "--to", "DE", "--kind", "SITREP")]
    [InlineData("listen", "--as", "DE")]
    [InlineData("status")]
    [InlineData("trace", "01M8D45G7APMF4CD7T5GJM061A")]
    public async Task The_membership_Redis_is_refused_as_an_unknown_option(params string[] args)
    {
        var result = await store.RunAsync([.. args, "--redis", "redis.internal:6379", "--gateway", Nowhere]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error A42-CLI-004 a42 {args[0]}: unknown option --redis", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>
    /// Six full-length Greek text fields: about 196 KB in the canonical form the mesh stores (within the 256 KiB limit),
    /// about 590 KB if re-written with every non-ASCII character escaped. The body is judged by its canonical bytes, so
    /// the command gets past it and only fails on the mesh that is not there (exit 4), not with A42-JSON-005 (exit 2).
    /// </summary>
    [Fact]
    public async Task A_large_Greek_body_that_fits_the_canonical_form_is_not_refused_as_too_large()
    {
        var text = new string('Ω', Article42.Mesh.Protocol.Limits.LongText);
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["sitrep_no"] = 1,
            ["period_from"] = "2026-01-01T00:00:00.000Z",
            ["period_to"] = "2026-01-02T00:00:00.000Z",
            ["situation"] = text,
            ["threat_assessment"] = text,
            ["casualties_damage"] = text,
            ["actions_taken"] = text,
            ["hns_status"] = text,
            ["outlook"] = text,
        };
        var file = Path.Combine(store.Home, "greek-body.json");
        await File.WriteAllTextAsync(file, body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }), TestContext.Current.CancellationToken);
        var result = await store.RunAsync("send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--body", "@" + file, "--gateway", Nowhere);
        Assert.DoesNotContain("A42-JSON-005", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.StartsWith("error A42-CLI-006", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prepared_envelope_file_with_skeleton_options_is_a_usage_error()
    {
        var created = await store.RunAsync("envelope", "new", "--kind", "SITREP", "--from", "FR", "--to", "DE");
        var file = store.File(created.Stdout);
        var result = await store.RunAsync("send", file, "--kind", "RFI", "--gateway", Nowhere);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("A42-CLI-004 file", result.Stderr, StringComparison.Ordinal);
    }
}
