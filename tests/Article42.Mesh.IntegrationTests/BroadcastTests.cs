using System.Text.Json;

namespace Article42.Mesh.IntegrationTests;

/// <summary>Every participant listening through <c>a42 listen</c> processes, and one INVOCATION from FR to ALL.</summary>
public sealed class BroadcastTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    private const int ListenerProcesses = 4;

    // Spelled out here, not taken from the registry's Expand (the code under test): every member state but FR, and every EU body.
    private static readonly string[] OtherMemberStates =
    [
        "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "HR", "IT", "CY", "LV", "LT", "LU", "HU", "MT", "NL", "AT",
        "PL", "PT", "RO", "SI", "SK", "FI", "SE",
    ];

    private static readonly string[] EuBodies =
    [
        "EUCO", "PRES", "GSC", "PSC", "HRVP", "EEAS", "EEAS-CRC", "EUMC", "EUMS", "MPCC", "SIAC", "INTCEN", "SATCEN", "COM",
        "ERCC", "ENISA", "CERT-EU", "CYCLONE", "CSIRTS-NET", "EDA", "EUROPOL", "FRONTEX",
    ];

    [Fact]
    public async Task An_invocation_from_FR_to_ALL_is_printed_once_by_every_other_member_state_and_EU_body_and_never_by_FR()
    {
        var everyone = OtherMemberStates.Concat(EuBodies).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(48, everyone.Distinct().Count());

        // A handful of processes, each holding several gateways (one Orleans client per participant).
        var groups = everyone.Select((id, i) => (id, i)).GroupBy(p => p.i % ListenerProcesses, p => p.id).Select(g => g.ToList()).ToList();
        var listeners = groups.Select((ids, i) => mesh.Start($"a42 listen #{i}", "listen", "--as", string.Join(',', ids), "--ack",
            "--count", ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "180")).ToList();
        try
        {
            var sent = await mesh.RunAsync("send", "--as", "FR", "--to", "ALL", "--kind", "INVOCATION", "--wait-delivery");
            Assert.True(sent.ExitCode == 0, sent.ToString());
            var messageId = JsonDocument.Parse(sent.JsonLines.First()).RootElement.GetProperty("msg_id").GetString();
            Assert.Equal(everyone.Count, sent.JsonLines.Count() - 1);

            var printed = new List<(string Participant, string MessageId, string Kind)>();
            foreach (var listener in listeners)
            {
                Assert.True(0 == await listener.ExitedAsync(TimeSpan.FromMinutes(3)), listener.Describe());
                printed.AddRange(ListenOutput.Envelopes(listener.Output));
            }
            Assert.All(printed, p => Assert.Equal((messageId, "INVOCATION"), (p.MessageId, p.Kind)));
            Assert.Equal(everyone, printed.Select(p => p.Participant).Order(StringComparer.Ordinal));

            // FR's own inbox holds the receipts the acknowledgements sent back, never its invocation.
            var france = await mesh.RunAsync("listen", "--as", "FR", "--count", everyone.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "60");
            Assert.True(france.ExitCode == 0, france.ToString());
            var receipts = Receipts(france.Output).ToList();
            Assert.All(receipts, r => Assert.Equal(("RECEIPT", messageId), (r.Kind, r.InReplyTo)));
            Assert.Equal(everyone, receipts.Select(r => r.From).Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var listener in listeners)
                await listener.DisposeAsync();
        }
    }

    /// <summary>Each envelope FR's listener printed: its kind, its sender and the message it answers.</summary>
    private static IEnumerable<(string Kind, string From, string? InReplyTo)> Receipts(IEnumerable<string> output)
    {
        foreach (var line in output.Where(l => l.StartsWith('{')))
        {
            using var document = JsonDocument.Parse(line);
            if (!document.RootElement.TryGetProperty("envelope", out var envelope))
                continue;
            yield return (envelope.GetProperty("kind").GetString()!, envelope.GetProperty("from").GetString()!,
                envelope.TryGetProperty("in_reply_to", out var reply) ? reply.GetString() : null);
        }
    }
}
