using Article42.Mesh.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

/// <summary>The retry and dead-letter behaviour of one sender-to-recipient pump, on a real journal and a fake clock.</summary>
public sealed class DeliveryPumpTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("a42-pump-");
    private readonly RecordingFakeClock _time = new(new FakeTimeProvider(DateTimeOffset.UtcNow));
    private readonly DeliveryOptions _options = new() { RetryJitter = false, RetryBaseDelay = TimeSpan.FromMilliseconds(200), RetryMaxDelay = TimeSpan.FromSeconds(30), CallTimeout = TimeSpan.FromMinutes(7) };
    private IMessageJournal _journal = null!;
    private JournalStream _stream = null!;

    public async ValueTask InitializeAsync()
    {
        _journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(_directory.File("journal.db")), _time);
        _stream = new JournalStream(JournalStream.OfParticipant("FR"), _journal);
    }

    [Fact]
    public async Task A_failing_recipient_is_retried_at_growing_intervals_until_it_takes_the_batch()
    {
        var failures = 4;
        var attempts = new List<DateTimeOffset>();
        var pump = await PumpWithPendingAsync(TestKeys.Signed("FR", ["DE"]), (_, _) =>
        {
            attempts.Add(_time.GetUtcNow());
            return failures-- > 0 ? throw new TimeoutException("recipient silo unavailable") : Task.FromResult(new DeliveryOutcome(_time.GetUtcNow(), 1));
        });

        await RunToCompletionAsync(pump);

        Assert.Equal([200, 400, 800, 1600], pump.Retries.Select(r => r.Delay.TotalMilliseconds));
        // Measured on the clock, not taken from the pump's log: the clock moves only to the pump's next timer, so each
        // gap between attempts is exactly the wait the pump asked for, neither shorter nor longer.
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        Assert.Equal([200, 400, 800, 1600], gaps);
        // The delivery record rides on the sender's next write or, as here with none, the idle checkpoint (issue #18).
        await Deadline.UntilAsync(async () => (await EntriesAsync("delivered")).Count == 1, TimeSpan.FromSeconds(30), "the delivery record's checkpoint");
        Assert.Equal(0, await _journal.CountQueuedAsync("out/FR/DE"));
    }

    [Fact]
    public async Task A_message_that_expires_while_its_recipient_is_unreachable_is_dead_lettered_with_an_EXPIRED_report()
    {
        var message = TestKeys.Signed("FR", ["DE"], change: e => e with { ExpiresAt = _time.GetUtcNow().AddSeconds(5) });
        var pump = await PumpWithPendingAsync(message, (_, _) => throw new TimeoutException("recipient silo unavailable"));

        await RunToCompletionAsync(pump);

        var deadLetter = Assert.Single(await EntriesAsync("dead-lettered"));
        Assert.Equal(message.MsgId, deadLetter.MessageId);
        Assert.Equal(new RecipientRecord("DE", NonDeliveryReason.Expired), RecordJson.Recipient(deadLetter.Payload));
        Assert.Empty(await EntriesAsync("delivered"));
        Assert.True(pump.Retries.Count >= 3, $"only {pump.Retries.Count} retries before expiry");
    }

    private async Task<DeliveryPump> PumpWithPendingAsync(Envelope envelope, Func<DeliveryBatch, CancellationToken, Task<DeliveryOutcome>> deliver)
    {
        var registry = new RegistryHolder(TestKeys.Registry);
        var outbox = new Outbox("FR", _stream, _journal, registry, (_, batch, token) => deliver(batch, token), _ => Task.FromResult(0L), _options, _time, NullLogger.Instance);
        var receipts = new ReceiptWatch("FR", _stream, _journal, _time, () => Task.CompletedTask);
        var submission = new Submission("FR", _stream, _journal, registry, outbox, new SenderRateLimiter(100, 100, _time), receipts, _time, _options);
        // Accept without starting delivery: the pump is started by the test, under its fake clock.
        using var notYet = new CancellationTokenSource();
        await notYet.CancelAsync();
        Assert.NotNull((await submission.AcceptAsync(SignedDocuments.Of(envelope)!, KeyId.Of(TestKeys.Registry.Find("FR")!.PublicKey!), notYet.Token)).Receipt);
        return outbox.Pump("DE", envelope.PrecedenceAction);
    }

    /// <summary>Runs the pump, moving the clock to each timer it sets as soon as it sets it, and no further.</summary>
    private async Task RunToCompletionAsync(DeliveryPump pump)
    {
        // Each attempt also sets its call timeout (7 minutes, never reached: attempts fail at once); the waits are the rest.
        List<TimeSpan> Waits() => [.. _time.Timers.Where(t => t != _options.CallTimeout)];
        pump.Kick(CancellationToken.None);
        var fired = 0;
        while (!pump.Running.IsCompleted)
        {
            await Deadline.UntilAsync(() => pump.Running.IsCompleted || Waits().Count > fired, TimeSpan.FromSeconds(30), $"the pump's wait #{fired + 1} or its end");
            if (Waits().Count > fired)
                _time.Fake.Advance(Waits()[fired++]);
        }
        await pump.Running;
    }

    private async Task<List<StoredEntry>> EntriesAsync(string type)
    {
        var entries = new List<StoredEntry>();
        await foreach (var entry in _journal.ReadStreamAsync(_stream.StreamId))
        {
            if (entry.Type == type)
                entries.Add(entry);
        }
        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        await _journal.DisposeAsync();
        _directory.Dispose();
    }
}
