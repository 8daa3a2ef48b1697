using Article42.Mesh.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Article42.Mesh.Grains.Tests;

public sealed class RecoveryTests
{
    [Fact]
    public async Task A_cluster_started_on_a_journal_with_pending_deliveries_resumes_them_with_no_outside_call()
    {
        using var directory = new TempDirectory("a42-recovery-");
        await using var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(directory.File("journal.db")));
        var pending = Enumerable.Range(0, 20).Select(_ => TestKeys.Signed("FR", ["DE", "EEAS"])).ToList();
        await AcceptWithoutDeliveringAsync(journal, "FR", pending);
        Assert.Equal(20, await journal.CountQueuedAsync("out/FR/DE"));

        // The whole cluster "restarts": nothing but the journal survives, and nobody calls FR.
        await using var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions { JournalFor = _ => journal });
        var ids = pending.Select(e => e.MsgId).ToList();
        var germany = await new TestGateway(mesh.Grains, "DE").ReceiveAsync(ids);
        var eeas = await new TestGateway(mesh.Grains, "EEAS").ReceiveAsync(ids);

        Assert.Equal(ids.Order(), germany.Select(m => m.Envelope.MsgId).Order());
        Assert.Equal(ids.Order(), eeas.Select(m => m.Envelope.MsgId).Order());
        await Deadline.UntilAsync(async () => await journal.CountQueuedAsync("out/FR/DE") == 0, TimeSpan.FromSeconds(10), "FR's outbox to DE to drain");
    }

    /// <summary>What a sender's silo leaves behind when it dies right after accepting: the acceptances and the outbox rows, no delivery.</summary>
    private static async Task AcceptWithoutDeliveringAsync(IMessageJournal journal, string sender, IEnumerable<Envelope> envelopes)
    {
        var stream = new JournalStream(JournalStream.OfParticipant(sender), journal);
        await stream.LoadAsync();
        var options = new DeliveryOptions();
        var outbox = new Outbox(sender, stream, journal, new RegistryHolder(TestKeys.Registry), (_, _, _) => throw new InvalidOperationException("the silo died"), _ => Task.FromResult(0L), options, TimeProvider.System, NullLogger.Instance);
        var receipts = new ReceiptWatch(sender, stream, journal, TimeProvider.System, () => Task.CompletedTask);
        var submission = new Submission(sender, stream, journal, new RegistryHolder(TestKeys.Registry), outbox, new SenderRateLimiter(1000, 1000, TimeProvider.System), receipts, TimeProvider.System, options);
        using var dead = new CancellationTokenSource();
        await dead.CancelAsync();
        foreach (var envelope in envelopes)
            Assert.NotNull((await submission.AcceptAsync(SignedDocuments.Of(envelope)!, KeyId.Of(TestKeys.Registry.Find(sender)!.PublicKey!), dead.Token)).Receipt);
    }
}
