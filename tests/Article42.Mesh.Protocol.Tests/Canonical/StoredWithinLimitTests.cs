using Article42.Mesh.Storage;
using Article42.Mesh.Storage.Sqlite;
using Article42.Mesh.TestKit;
using CsCheck;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// Any envelope that validates is stored and read back within the limit: SITREPs whose six free texts are long runs of
/// ASCII, escape-heavy, Greek, Bulgarian, CJK and emoji text, in both schema versions (1.1.0 three times in four), signed; each the validator
/// accepts (half of them in one alphabet throughout, half with an alphabet per text) encodes to at most 256 KiB, decodes back to the same texts and bytes, still verifies, and goes through a
/// real SQLite journal (a stream entry and a queue row) and back byte for byte. The only refusal is the size rule.
/// </summary>
public sealed class StoredWithinLimitTests : IAsyncLifetime
{
    private const int Cases = 200;
    private readonly TempDirectory _directory = new();
    private SqliteJournal _journal = null!;

    private static readonly Gen<Envelope> Sitreps =
        from version in Gen.Frequency((3, Gen.Const(SchemaVersions.V1_1_0)), (1, Gen.Const(SchemaVersions.V1_0_0)))
        from alphabet in LongTexts.Alphabet
        from eachItsOwn in Gen.Bool
        from texts in (eachItsOwn ? LongTexts.Any : LongTexts.In(alphabet)).Array[6]
        let envelope = TestData.Valid(MessageKind.Sitrep, "FR", "DE")
        select TestData.Signed(envelope with
        {
            SchemaVersion = version,
            Payload = ((SitrepBody)envelope.Payload!) with
            {
                Situation = texts[0],
                ThreatAssessment = texts[1],
                CasualtiesDamage = texts[2],
                ActionsTaken = texts[3],
                HnsStatus = texts[4],
                Outlook = texts[5],
            },
        });

    public async ValueTask InitializeAsync() => _journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(_directory.File("journal.db")));

    public async ValueTask DisposeAsync()
    {
        await _journal.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Every_sitrep_the_validator_accepts_is_within_the_limit_decodes_back_and_is_stored_and_read_back_byte_identical()
    {
        var stored = 0;
        var nearTheLimit = 0;
        var refused = 0;
        var largest = 0;
        long sequence = 0;
        await Sitreps.SampleAsync(async envelope =>
        {
            var errors = TestData.Validate(envelope);
            if (!errors.IsEmpty)
            {
                var error = Assert.Single(errors);
                Assert.Equal((ErrorCodes.EncodedTooLarge, "$"), (error.Code, error.Path));
                refused++;
                return;
            }
            var bytes = EnvelopeCodec.Encode(envelope);
            Assert.InRange(bytes.Length, 1, Limits.EnvelopeBytes);

            var decoded = EnvelopeCodec.Decode(bytes);
            Assert.True(decoded.IsSuccess, string.Join("\n", decoded.Errors));
            Assert.Equal(Texts(envelope), Texts(decoded.Value!));
            Assert.Equal(bytes, EnvelopeCodec.Encode(decoded.Value!));
            Assert.Null(EnvelopeSignatures.Verify(decoded.Value!, TestData.Registry));

            var stream = $"property/{envelope.MsgId}";
            var row = new QueuedEntry("in/DE", ++sequence, (int)envelope.PrecedenceAction, bytes, envelope.MsgId);
            Assert.IsType<AppendResult.Appended>(await _journal.AppendAsync(stream, 0, [new JournalEntry("accepted", bytes, envelope.MsgId)], [new QueueChange.Upsert(row)]));
            Assert.Equal(bytes, Assert.Single(await _journal.ReadStreamAsync(stream).ToListAsync()).Payload);
            Assert.Equal(bytes, (await _journal.GetQueuedAsync(row.QueueId, row.Sequence))!.Payload);
            stored++;
            if (bytes.Length > Limits.EnvelopeBytes / 2)
                nearTheLimit++;
            largest = Math.Max(largest, bytes.Length);
        }, iter: Cases, threads: 1);

        // The assertions must be reached on both sides of the limit, and close to it, not skipped by a generator that
        // makes only short or only oversized envelopes.
        var counts = $"{stored} stored ({nearTheLimit} above 128 KiB, the largest {largest} bytes), {refused} refused of {Cases}";
        Assert.True(stored >= Cases / 3, counts);
        Assert.True(nearTheLimit >= Cases / 10, counts);
        Assert.True(refused >= Cases / 10, counts);
        TestContext.Current.SendDiagnosticMessage(counts);
    }

    private static string?[] Texts(Envelope envelope) => envelope.Payload is SitrepBody body
        ? [body.Situation, body.ThreatAssessment, body.CasualtiesDamage, body.ActionsTaken, body.HnsStatus, body.Outlook]
        : [];
}
