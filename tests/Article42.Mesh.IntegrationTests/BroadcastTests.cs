using System.Text.Json;

namespace Article42.Mesh.IntegrationTests;

/// <summary>Every participant listening through <c>a42 listen</c> processes, and one INVOCATION from FR to ALL.</summary>
public sealed class BroadcastTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    private const int ListenerProcesses = 4;

    [Fact]
    public async Task An_invocation_from_FR_to_ALL_is_printed_once_by_every_other_member_state_and_EU_body_and_never_by_FR()
    {
        var registry = ParticipantRegistry.Default;
        var everyone = registry.Expand(["ALL"], "FR").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(26 + registry.Participants.Count(p => p.Kind == ParticipantKind.EuBody), everyone.Count);
        Assert.DoesNotContain("FR", everyone);

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
            var receipts = ListenOutput.Envelopes(france.Output).ToList();
            Assert.All(receipts, r => Assert.Equal("RECEIPT", r.Kind));
            Assert.Equal(everyone.Count, receipts.Count);
        }
        finally
        {
            foreach (var listener in listeners)
                await listener.DisposeAsync();
        }
    }
}
