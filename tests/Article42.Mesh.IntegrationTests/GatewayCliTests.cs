using System.Text.Json;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// <c>a42 send</c>, <c>a42 listen</c>, <c>a42 trace</c> and <c>a42 status</c> as real processes against one embedded silo.
/// Each test uses participants no other test of the class uses, since they share the mesh.
/// </summary>
public sealed class GatewayCliTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    [Fact]
    public async Task Send_with_wait_delivery_prints_the_receipt_then_a_DR_or_NDR_per_recipient_and_exits_3_on_an_NDR()
    {
        // CERT-EU is accredited up to RESTREINT_UE: a CONFIDENTIEL_UE message is dead-lettered for it, delivered to AT.
        var sent = await mesh.RunAsync("send", "--as", "IT", "--to", "AT,CERT-EU", "--kind", "SITREP", "--label", "CONFIDENTIEL_UE",
            "--precedence", "IMMEDIATE", "--body", """{"sitrep_no":3,"period_from":"2026-11-26T08:00:00.000Z","period_to":"2026-11-26T12:00:00.000Z","situation":"Border crossing at Tarvisio closed.","outstanding_needs":[],"next_due":"2026-11-26T18:00:00.000Z"}""",
            "--wait-delivery");
        Assert.True(sent.ExitCode == 3, sent.ToString());
        var lines = sent.JsonLines.ToList();
        Assert.Equal(3, lines.Count);
        LineSchemas.AssertReceipt(lines[0]);
        lines.Skip(1).ToList().ForEach(LineSchemas.AssertReport);
        var messageId = Property(lines[0], "msg_id");
        Assert.Equal(["AT", "CERT-EU"], Strings(lines[0], "recipients").Order());
        var reports = lines.Skip(1).Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(r => r.GetProperty("recipient").GetString()!);
        Assert.Equal("DR", reports["AT"].GetProperty("report").GetString());
        Assert.Equal("NDR", reports["CERT-EU"].GetProperty("report").GetString());
        Assert.Equal("SECURITY_POLICY", reports["CERT-EU"].GetProperty("reason").GetString());
        Assert.All(reports.Values, r => Assert.Equal(messageId, r.GetProperty("msg_id").GetString()));

        var received = await mesh.RunAsync("listen", "--as", "AT", "--count", "1", "--timeout", "60");
        Assert.True(received.ExitCode == 0, received.ToString());
        var line = Assert.Single(received.JsonLines);
        LineSchemas.AssertListenLine(line);
        using var document = JsonDocument.Parse(line);
        Assert.True(document.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal("IMMEDIATE", document.RootElement.GetProperty("precedence").GetString());
        var envelope = document.RootElement.GetProperty("envelope");
        Assert.Equal(messageId, envelope.GetProperty("msg_id").GetString());
        Assert.Equal("Border crossing at Tarvisio closed.", envelope.GetProperty("payload").GetProperty("situation").GetString());
    }

    [Fact]
    public async Task The_mesh_refuses_hostile_and_clumsy_gateways_with_their_codes_stores_nothing_and_keeps_serving()
    {
        // A label above the sender's own ceiling (ENISA: RESTREINT_UE).
        var aboveCeiling = await mesh.RunAsync("send", "--as", "ENISA", "--to", "SK", "--kind", "SITREP", "--label", "SECRET_UE", "--id", "01M8D45G7APMF4CD7T5GJM0EN5");
        Assert.True(aboveCeiling.ExitCode == 2, aboveCeiling.ToString());
        Assert.Contains(aboveCeiling.Errors, e => e.Contains("A42-SUB-003 $.label.level", StringComparison.Ordinal));

        // A gateway holding CZ's key but claiming to be PL opens no session: neither sends as PL nor reads PL's inbox.
        var forged = Path.Combine(mesh.Home, "forged-keys");
        CopyDirectory(Path.Combine(mesh.Home, "keys"), forged);
        File.Copy(Path.Combine(forged, "CZ.pem"), Path.Combine(forged, "PL.pem"), overwrite: true);
        var forgedSend = await mesh.RunAsync("send", "--as", "PL", "--to", "SK", "--kind", "SITREP", "--keys", forged);
        Assert.True(forgedSend.ExitCode == 2, forgedSend.ToString());
        Assert.Contains(forgedSend.Errors, e => e.Contains("A42-SES-002", StringComparison.Ordinal));
        var forgedListen = await mesh.RunAsync("listen", "--as", "PL", "--keys", forged, "--timeout", "30");
        Assert.True(forgedListen.ExitCode == 2, forgedListen.ToString());
        Assert.Contains(forgedListen.Errors, e => e.Contains("A42-SES-002", StringComparison.Ordinal));
        Assert.Empty(forgedListen.JsonLines);

        // Another sender's message id.
        var original = await mesh.RunAsync("send", "--as", "SK", "--to", "HU", "--kind", "SITREP");
        Assert.True(original.ExitCode == 0, original.ToString());
        var stolenId = Property(Assert.Single(original.JsonLines), "msg_id");
        var stolen = await mesh.RunAsync("send", "--as", "HU", "--to", "SK", "--kind", "SITREP", "--id", stolenId);
        Assert.True(stolen.ExitCode == 2, stolen.ToString());
        Assert.Contains(stolen.Errors, e => e.Contains("A42-SUB-004 $.msg_id", StringComparison.Ordinal));

        // Nothing of the refused message was stored; the mesh still serves everyone.
        var trace = await mesh.RunAsync("trace", "01M8D45G7APMF4CD7T5GJM0EN5");
        Assert.True(trace.ExitCode == 2, trace.ToString());
        Assert.Contains(trace.Errors, e => e.Contains("A42-ADM-004", StringComparison.Ordinal));
        var honest = await mesh.RunAsync("send", "--as", "PL", "--to", "CZ", "--kind", "SITREP", "--wait-delivery");
        Assert.True(honest.ExitCode == 0, honest.ToString());
        Assert.Equal(2, honest.JsonLines.Count());
    }

    [Fact]
    public async Task Trace_shows_a_messages_life_status_shows_connected_gateways_and_both_need_the_operator_key()
    {
        var sent = await mesh.RunAsync("send", "--as", "FI", "--to", "EE", "--kind", "INVOCATION", "--wait-delivery");
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var messageId = Property(sent.JsonLines.First(), "msg_id");
        var received = await mesh.RunAsync("listen", "--as", "EE", "--ack", "--count", "1", "--timeout", "60");
        Assert.True(received.ExitCode == 0, received.ToString());

        // The acknowledgement sent the RECEIPT an INVOCATION asks for; the trace shows both.
        using var traced = JsonDocument.Parse(await TraceJsonAsync(messageId, r => r.GetProperty("recipients")[0].TryGetProperty("receipt_at", out _)));
        var trace = traced.RootElement;
        Assert.Equal("INVOCATION", trace.GetProperty("kind").GetString());
        Assert.Equal("FLASH", trace.GetProperty("precedence").GetString());
        // Issue 21: the id of the key the silo verified it with, FI's key in the silo's registry, not revoked.
        var finland = TrustStore.Open(Path.Combine(mesh.Home, "keys")).Registry.Find("FI")!.PublicKey!;
        Assert.Equal(KeyId.Of(finland), trace.GetProperty("key_id").GetString());
        Assert.False(trace.GetProperty("key_revoked").GetBoolean());
        var copy = Assert.Single(trace.GetProperty("recipients").EnumerateArray());
        Assert.Equal("EE", copy.GetProperty("recipient").GetString());
        Assert.Equal(1, copy.GetProperty("times_handed").GetInt32());
        Assert.True(copy.TryGetProperty("acknowledged_at", out _), trace.ToString());
        Assert.False(copy.TryGetProperty("dead_lettered_at", out _));

        // Above the operator's clearance (RESTREINT_UE by default) only the id, sender and label are shown.
        var secret = await mesh.RunAsync("send", "--as", "FI", "--to", "EE", "--kind", "SITREP", "--label", "CONFIDENTIEL_UE");
        using var withheld = JsonDocument.Parse(await TraceJsonAsync(Property(secret.JsonLines.First(), "msg_id"), _ => true));
        Assert.Equal(["msg_id", "from", "label", "withheld"], withheld.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("FI", "CONFIDENTIEL_UE", true), (withheld.RootElement.GetProperty("from").GetString(), withheld.RootElement.GetProperty("label").GetString(), withheld.RootElement.GetProperty("withheld").GetBoolean()));

        // A listening gateway shows as connected, with its last heartbeat.
        await using (var listener = mesh.Start("a42 listen LV", "listen", "--as", "LV", "--timeout", "120"))
        {
            await Deadline.UntilAsync(async () => await ConnectedAsync("LV"), TimeSpan.FromSeconds(30), "LV's gateway in a42 status");
        }
        var status = await mesh.RunAsync("status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains(status.Output, line => line.StartsWith("silo ", StringComparison.Ordinal) && line.Contains($":{mesh.Ports.Silo}@", StringComparison.Ordinal));

        // Another operator key is refused, and the refusal is in the silo's log.
        var otherKeys = Path.Combine(mesh.Home, "other-operator");
        TrustStore.Create(otherKeys, ParticipantRegistry.Default);
        var impostor = await mesh.RunAsync("status", "--operator-key", Path.Combine(otherKeys, "operator.pem"));
        Assert.True(impostor.ExitCode == 2, impostor.ToString());
        Assert.Contains(impostor.Errors, e => e.Contains("A42-ADM-002", StringComparison.Ordinal));
        Assert.Empty(impostor.Output);
        await Deadline.UntilAsync(() => mesh.Silo.Errors.Any(e => e.Contains("refused: A42-ADM-002", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the refusal in the silo's log");
    }

    private async Task<string> TraceJsonAsync(string messageId, Func<JsonElement, bool> complete)
    {
        string? json = null;
        await Deadline.UntilAsync(async () =>
        {
            var run = await mesh.RunAsync("trace", messageId, "--json");
            Assert.True(run.ExitCode == 0, run.ToString());
            json = Assert.Single(run.Output);
            using var document = JsonDocument.Parse(json);
            return complete(document.RootElement);
        }, TimeSpan.FromSeconds(30), $"the trace of {messageId}");
        return json!;
    }

    private async Task<bool> ConnectedAsync(string participant)
    {
        var run = await mesh.RunAsync("status", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(Assert.Single(run.Output));
        var entry = document.RootElement.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("participant").GetString() == participant);
        return entry.GetProperty("gateway_connected").GetBoolean() && entry.TryGetProperty("last_seen", out _);
    }

    private static string Property(string line, string name)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty(name).GetString()!;
    }

    private static List<string> Strings(string line, string name)
    {
        using var document = JsonDocument.Parse(line);
        return [.. document.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
