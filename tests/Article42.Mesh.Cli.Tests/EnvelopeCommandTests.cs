using System.Text.Json;

namespace Article42.Mesh.Cli.Tests;

public sealed class EnvelopeCommandTests(TrustStoreFixture store) : IClassFixture<TrustStoreFixture>
{
    public static TheoryData<string> Kinds() =>
    [
        "INVOCATION", "INVOCATION_ACK", "SOLIDARITY_STATEMENT", "SITREP", "INCIDENT_REPORT", "RFA", "RFA_AMEND", "RFA_CANCEL",
        "OFFER", "OFFER_DECISION", "COMMITMENT", "OFFER_WITHDRAW", "DEPLOYMENT_STATUS", "MATCH_PROPOSAL", "COORDINATION_NOTE",
        "POLITICAL_DECISION", "RFI", "RFI_RESPONSE", "TERMINATION", "CLOSEOUT_REPORT", "DELIVERY_REPORT", "NON_DELIVERY_REPORT",
        "ESCALATION_REPORT", "RECEIPT", "NON_RECEIPT", "ACTION_ACK", "HEARTBEAT", "ROLL_CALL", "ROLL_CALL_RESPONSE",
        "INVENTORY_DECLARATION", "LABEL_CHANGE", "STARTEX", "PAUSEEX", "RESUMEEX", "ENDEX", "INJECT", "OBSERVATION", "PLAYER_NOTE", "REAL_WORLD",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Envelope_new_prints_a_skeleton_of_each_kind_that_validates(string kind)
    {
        var created = await store.RunAsync("envelope", "new", "--kind", kind, "--from", "FR", "--to", "DE");
        Assert.True(created.ExitCode == 0, created.ToString());
        using (var document = JsonDocument.Parse(created.Stdout))
            Assert.Equal(kind, document.RootElement.GetProperty("kind").GetString());
        var validated = await store.RunWithInputAsync(created.Stdout, "envelope", "validate", "-");
        Assert.True(validated.ExitCode == 0, validated.ToString());
        Assert.Equal("valid", validated.Stdout.Trim());
    }

    [Fact]
    public async Task Envelope_new_takes_precedence_by_name_or_number_and_label_and_release_list()
    {
        var created = await store.RunAsync("envelope", "new", "--kind", "sitrep", "--from", "FR", "--to", "ALL-MS", "--info", "EEAS",
            "--precedence", "4", "--info-precedence", "priority", "--label", "RESTREINT_UE", "--releasable-to", "ALL-MS,EEAS");
        Assert.True(created.ExitCode == 0, created.ToString());
        using var document = JsonDocument.Parse(created.Stdout);
        var root = document.RootElement;
        Assert.Equal("FLASH", root.GetProperty("precedence_action").GetString());
        Assert.Equal("PRIORITY", root.GetProperty("precedence_info").GetString());
        Assert.Equal("RESTREINT_UE", root.GetProperty("label").GetProperty("level").GetString());
        Assert.Equal(2, root.GetProperty("label").GetProperty("releasable_to").GetArrayLength());
    }

    [Theory]
    [InlineData("--precedence", "9", "A42-CLI-002 --precedence: '9' is not one of")]
    [InlineData("--label", "TOP", "A42-CLI-002 --label: 'TOP' is not one of")]
    [InlineData("--kind", "PIZZA", "A42-CLI-002 --kind: 'PIZZA' is not one of")]
    [InlineData("--to", "DE,XX", "A42-ENV-007 $.to_action[1]: unknown participant 'XX'")]
    [InlineData("--info-precedence", "OVERRIDE", "A42-ENV-008 $.precedence_info")]
    public async Task Envelope_new_with_a_bad_option_exits_2_naming_it(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--kind"] = "SITREP", ["--from"] = "FR", ["--to"] = "DE", ["--info"] = "IT" };
        args[option] = value;
        var result = await store.RunAsync(["envelope", "new", .. args.SelectMany(pair => new[] { pair.Key, pair.Value })]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Validate_prints_one_line_per_error_in_the_documented_form_and_exits_2()
    {
        var envelope = await NewSitrepAsync();
        var broken = envelope.Replace("\"DE\"", "\"DE\", \"XX\"", StringComparison.Ordinal)
            .Replace($"\"schema_version\": \"{Article42.Mesh.Protocol.SchemaVersions.Current}\"", "\"schema_version\": \"7.0.0\"", StringComparison.Ordinal);
        var result = await store.RunAsync("envelope", "validate", store.File(broken));
        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("error A42-ENV-007 $.to_action[1]: unknown participant 'XX'", lines);
        Assert.Contains(lines, line => line.StartsWith("error A42-ENV-003 $.schema_version: ", StringComparison.Ordinal));
        Assert.Equal(2, lines.Length);
    }

    [Theory]
    [InlineData("{\"msg_id\": ", "A42-JSON-001")]
    [InlineData("\u0000\u0001\u0002binary", "A42-JSON-001")]
    [InlineData("[]", "A42-JSON-004")]
    public async Task Validate_refuses_malformed_input_with_a_code_and_no_stack_trace(string content, string code)
    {
        var result = await store.RunAsync("envelope", "validate", store.File(content));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(code, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_refuses_a_truncated_envelope()
    {
        var envelope = await NewSitrepAsync();
        var result = await store.RunAsync("envelope", "validate", store.File(envelope[..(envelope.Length / 2)]));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-JSON-001", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_refuses_an_oversized_envelope()
    {
        var envelope = await NewSitrepAsync();
        var padded = envelope.Replace("\"topics\": []", $"\"topics\": [\"{new string('A', 300 * 1024)}\"]", StringComparison.Ordinal);
        var result = await store.RunAsync("envelope", "validate", store.File(padded));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-JSON-005", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_refuses_a_payload_of_the_wrong_kind()
    {
        var envelope = await NewSitrepAsync();
        var result = await store.RunAsync("envelope", "validate", store.File(envelope.Replace("\"SITREP\"", "\"RFI\"", StringComparison.Ordinal)));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-JSON-002 $.payload.sitrep_no", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_missing_file_exits_2_naming_it()
    {
        var result = await store.RunAsync("envelope", "validate", "/nonexistent/envelope.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-CLI-001 /nonexistent/envelope.json: no such file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_then_verify_succeeds_and_any_edit_after_signing_is_detected()
    {
        var signed = await store.RunAsync("envelope", "sign", store.File(await NewSitrepAsync()), "--as", "FR");
        Assert.True(signed.ExitCode == 0, signed.ToString());
        Assert.Contains("\"signature\"", signed.Stdout, StringComparison.Ordinal);

        var verified = await store.RunWithInputAsync(signed.Stdout, "envelope", "verify", "-");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("verified: signed by FR", verified.Stdout, StringComparison.Ordinal);

        var forged = signed.Stdout.Replace("\"sitrep_no\": 1", "\"sitrep_no\": 2", StringComparison.Ordinal);
        Assert.NotEqual(signed.Stdout, forged);
        var refused = await store.RunAsync("envelope", "verify", store.File(forged));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("A42-SIG-002", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_as_someone_other_than_the_sender_exits_2()
    {
        var result = await store.RunAsync("envelope", "sign", store.File(await NewSitrepAsync()), "--as", "DE");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-CLI-003 --as: 'DE' cannot sign an envelope from 'FR'", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Sign_refuses_an_invalid_envelope()
    {
        var invalid = (await NewSitrepAsync()).Replace("\"DE\"", "\"XX\"", StringComparison.Ordinal);
        var result = await store.RunAsync("envelope", "sign", store.File(invalid), "--as", "FR");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-ENV-007", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_an_unsigned_envelope_exits_2_with_the_reason()
    {
        var result = await store.RunAsync("envelope", "verify", store.File(await NewSitrepAsync()));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-SIG-001 $.signature: the envelope is not signed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_against_another_trust_store_fails()
    {
        var signed = await store.RunAsync("envelope", "sign", store.File(await NewSitrepAsync()), "--as", "FR");
        using var otherHome = new TempDirectory("a42-other-");
        var other = otherHome.Path;
        Assert.Equal(0, (await A42Process.RunAsync(other, "keys", "init")).ExitCode);
        var result = await A42Process.RunWithInputAsync(other, signed.Stdout, "envelope", "verify", "-");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-SIG-002", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> NewSitrepAsync()
    {
        var created = await store.RunAsync("envelope", "new", "--kind", "SITREP", "--from", "FR", "--to", "DE");
        Assert.True(created.ExitCode == 0, created.ToString());
        return created.Stdout;
    }
}
