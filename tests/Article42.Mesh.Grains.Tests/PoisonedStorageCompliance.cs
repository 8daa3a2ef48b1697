using System.Text;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The size limit holds for the bytes actually stored, and a stored row that does not decode (written straight into
/// the journal through its public contract) is dead-lettered after bounded retries, never a hot loop or a dead grain.
/// One body, run on each journal (<see cref="PoisonedStorageTests"/> on SQLite, <see cref="PoisonedStoragePostgresTests"/>).
/// </summary>
public abstract class PoisonedStorageCompliance(LoggedClusterFixture mesh)
{
    private const string DoesNotDecode = "do not decode";

    /// <summary>A SITREP of <paramref name="schemaVersion"/> whose six long texts are each <see cref="Limits.LongText"/> of <paramref name="character"/>.</summary>
    private static Envelope SitrepOfSixLongTextsOf(char character, string from, string to, string schemaVersion = SchemaVersions.V1_0_0)
    {
        var text = new string(character, Limits.LongText);
        return TestKeys.Signed(from, [to], change: e => e with
        {
            SchemaVersion = schemaVersion,
            Payload = ((SitrepBody)e.Payload!) with
            {
                Situation = text,
                ThreatAssessment = text,
                CasualtiesDamage = text,
                ActionsTaken = text,
                HnsStatus = text,
                Outlook = text,
            }
        });
    }

    /// <summary>A SITREP of <paramref name="schemaVersion"/> with 49,152 Greek letters in three texts.</summary>
    private static Envelope GreekSitrep(string from, string to, string schemaVersion) => TestKeys.Signed(from, [to], change: e => e with
    {
        SchemaVersion = schemaVersion,
        Payload = ((SitrepBody)e.Payload!) with
        {
            Situation = new string('α', Limits.LongText),
            ThreatAssessment = new string('β', Limits.LongText),
            Outlook = new string('γ', Limits.LongText),
        }
    });

    [Fact]
    public async Task A_1_0_0_sitrep_whose_escapes_encode_past_the_limit_is_refused_at_submit_and_nothing_is_stored()
    {
        var oversized = SitrepOfSixLongTextsOf('<', "BE", "NL");
        var greek = GreekSitrep("BE", "NL", SchemaVersions.V1_0_0);
        var belgium = mesh.Gateway("BE");
        var version = await mesh.Journal.GetVersionAsync("participant/BE");

        foreach (var envelope in new[] { oversized, greek })
        {
            var outcome = await belgium.SubmitAsync(envelope);
            Assert.Null(outcome.Receipt);
            var error = Assert.Single(outcome.Errors);
            Assert.Equal((ErrorCodes.EncodedTooLarge, "$"), (error.Code, error.Path));
            Assert.Empty(await mesh.Journal.FindByMessageIdAsync(envelope.MsgId));
        }
        Assert.Equal(version, await mesh.Journal.GetVersionAsync("participant/BE"));
        await mesh.AssertFranceReachesGermanyAsync();
    }

    [Fact]
    public async Task The_same_sitreps_in_the_1_1_0_form_are_accepted_and_delivered_FR_to_DE_byte_for_byte()
    {
        var germany = mesh.Gateway("DE");
        await germany.OpenAsync();
        foreach (var envelope in new[] { SitrepOfSixLongTextsOf('<', "FR", "DE", SchemaVersions.V1_1_0), GreekSitrep("FR", "DE", SchemaVersions.V1_1_0) })
        {
            var bytes = EnvelopeCodec.Encode(envelope);
            Assert.InRange(bytes.Length, 1, Limits.EnvelopeBytes);

            var receipt = await mesh.Gateway("FR").SendAsync(envelope);
            var received = Assert.Single(await germany.ReceiveAsync([receipt.MessageId]), m => m.Envelope.MsgId == envelope.MsgId);

            Assert.Equal(bytes, EnvelopeCodec.Encode(received.Envelope));
            Assert.Null(EnvelopeSignatures.Verify(received.Envelope, TestKeys.Registry));
            Assert.Equal(bytes, Assert.Single(await mesh.Journal.FindByMessageIdAsync(envelope.MsgId), e => e.Type == EntryTypes.Accepted).Payload);
            Assert.Empty((await germany.AcknowledgeAsync([envelope.MsgId])).Errors);
        }
    }

    [Fact]
    public async Task An_outbox_row_that_does_not_decode_is_dead_lettered_CORRUPT_after_bounded_retries()
    {
        // The row main stored for a 1.0.0 SITREP of 6 x 16,384 '<': 590 KB that no decoder reads back.
        var poisoned = SitrepOfSixLongTextsOf('<', "LU", "DE");
        var bytes = EnvelopeCodec.Encode(poisoned);
        Assert.True(bytes.Length > Limits.EnvelopeBytes);
        // LU active before its row exists, as the keeper leaves it: an activation reads its outbox when it loads, and
        // the passes are counted per activation, so one made after the append (the keeper's start-up round, late on a
        // loaded machine) and collected below between its passes left its successor counting from one: 4 warnings.
        await mesh.SiloGrains.GetGrain<IParticipantGrain>("LU").WakeAsync();
        Assert.IsType<AppendResult.Appended>(await mesh.Journal.AppendAsync("participant/LU", 0,
            [new JournalEntry("accepted", bytes, poisoned.MsgId)],
            [new QueueChange.Upsert(new QueuedEntry("out/LU/DE", 1, (int)Precedence.Priority, bytes, poisoned.MsgId))]));
        Assert.Equal(1, await mesh.Journal.CountQueuedAsync("out/LU/DE"));
        // The keeper woke LU at start-up; as after a restart, its next activation finds the row and pumps it.
        await mesh.SiloGrains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var luxembourg = mesh.Gateway("LU");
        var report = Assert.Single(await luxembourg.ReportsAsync(1));

        Assert.Equal((poisoned.MsgId, "DE", ReportKind.NotDelivered, NonDeliveryReason.Corrupt), (report.MessageId, report.Recipient, report.Kind, report.Reason));
        Assert.Equal(0, await mesh.Journal.CountQueuedAsync("out/LU/DE"));
        Assert.Equal(0, await mesh.Journal.CountQueuedAsync("in/DE"));
        await mesh.AssertFranceReachesGermanyAsync();
        Assert.Equal(DeliveryPump.MaxDecodeAttempts, mesh.Warnings.Count("Delivery LU -> DE: 1 stored message(s) " + DoesNotDecode));
        Assert.Equal(0, mesh.Warnings.Count("stopped retrying"));
        Assert.All(mesh.Warnings.Lines, line => Assert.True(line.Length < 400, $"a log line of {line.Length} characters"));
    }

    [Fact]
    public async Task An_activation_with_a_recorded_row_that_does_not_decode_skips_it_and_judges_on()
    {
        const string activation = "A42-2026-0801";
        var invocation = TestKeys.Signed("FR", [ParticipantGroups.All], MessageKind.Invocation, e => e with { ActivationId = activation });
        await mesh.Journal.AppendAsync($"activation/{activation}", 0,
        [
            new JournalEntry("recorded", EnvelopeCodec.Encode(invocation), invocation.MsgId),
            new JournalEntry("recorded", Encoding.UTF8.GetBytes("{\"msg_id\":\"" + new string('x', 5000)), Ulid.New(DateTimeOffset.UtcNow)),
        ]);

        var sitrep = TestKeys.Signed("FR", ["DE"], change: e => e with { ActivationId = activation });
        await mesh.Gateway("FR").SendAsync(sitrep);
        var illegal = TestKeys.Signed("DE", [ParticipantGroups.All], MessageKind.Termination, e => e with { ActivationId = activation });
        var refused = await mesh.Gateway("DE").SubmitAsync(illegal);

        Assert.Equal(ErrorCodes.NotInvoker, Assert.Single(refused.Errors).Code);
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(illegal.MsgId));
        Assert.Equal(1, mesh.Warnings.Count($"Activation {activation}: recorded message"));
        await mesh.AssertFranceReachesGermanyAsync();
    }
}
