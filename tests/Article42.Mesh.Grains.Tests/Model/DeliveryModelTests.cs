using CsCheck;

namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// A model-based test of the delivery core (issue #18): random submits, resubmits, fetches, acknowledgements and silo
/// crashes (a participant's activation deactivated, a fresh one over the same journal) against a reference model.
/// Duplicate activations (a second silo over the same journal) are not among the steps yet: with them a message stored
/// by one activation was, in about one run in five under load, not handed to a new session of the other within 60 s
/// (docs/performance.md, issue 18, what is left). After each case every gateway opens a new session and must be
/// handed exactly the messages the model holds unacknowledged for it: nothing lost, nothing twice, none acknowledged,
/// and per (sender, recipient, precedence) in acceptance order; every resubmission got its original receipt.
/// CsCheck prints the seed of a failing case; <c>CsCheck_Seed=SEED</c> in the environment replays it.
/// </summary>
public sealed class DeliveryModelTests(DeliveryModelTests.Fixture mesh) : IClassFixture<DeliveryModelTests.Fixture>
{
    private static readonly string[] Participants = ["AT", "BE", "BG"];
    private static readonly Precedence[] Precedences = [Precedence.Deferred, Precedence.Routine, Precedence.Priority];

    private static readonly Gen<ModelOperation> Operation =
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 4]).Select((kind, from, to, precedence, count) => new ModelOperation(
            kind switch
            {
                < 6 => ModelStep.Submit,
                < 7 => ModelStep.Resubmit,
                < 11 => ModelStep.Fetch,
                < 14 => ModelStep.Acknowledge,
                _ => ModelStep.Crash,
            },
            from,
            to == from ? (to + 1) % Participants.Length : to,
            precedence,
            count));

    [Fact]
    public async Task Random_submits_fetches_acks_and_crashes_lose_nothing_duplicate_nothing_and_keep_the_order()
    {
        var output = TestContext.Current.TestOutputHelper;
        await Operation.Array[15, 40].SampleAsync(RunCaseAsync, writeLine: output is null ? null : output.WriteLine, iter: 6, threads: 1,
            print: operations => string.Join("; ", operations.Select(o => o.ToString())));
    }

    private async Task RunCaseAsync(ModelOperation[] operations)
    {
        var gateways = Participants.ToDictionary(p => p, p => new ModelGateway(mesh.Grains, p));
        await ClearAsync(gateways.Values);
        var sent = new List<(Envelope Envelope, SubmitReceipt Receipt)>();
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            var (from, to) = (Participants[operation.From], Participants[operation.To]);
            switch (operation.Step)
            {
                case ModelStep.Submit:
                    var envelope = TestKeys.Signed(from, [to], change: e => e with { PrecedenceAction = Precedences[operation.Precedence] });
                    sent.Add((envelope, await gateways[from].SubmitAsync(envelope)));
                    break;
                case ModelStep.Resubmit when sent.Count > 0:
                    var (again, original) = sent[operation.Count % sent.Count];
                    var receipt = await gateways[again.From].SubmitAsync(again);
                    Assert.Equal((original.AcceptanceSequence, original.AcceptedAt), (receipt.AcceptanceSequence, receipt.AcceptedAt));
                    break;
                case ModelStep.Fetch:
                    foreach (var message in await gateways[to].FetchAsync(operation.Count))
                        Assert.DoesNotContain(message.Envelope.MsgId, acknowledged);
                    break;
                case ModelStep.Acknowledge:
                    var ids = gateways[to].Handed.Take(operation.Count).Select(m => m.Envelope.MsgId).ToList();
                    if (ids.Count == 0)
                        break;
                    await gateways[to].AcknowledgeAsync(ids);
                    gateways[to].Handed.RemoveAll(m => ids.Contains(m.Envelope.MsgId));
                    acknowledged.UnionWith(ids);
                    break;
                case ModelStep.Crash:
                    await mesh.Cluster.DeactivateAsync(mesh.Grains.GetGrain<IParticipantGrain>(from));
                    break;
            }
        }

        // Every receipt of one sender carries a distinct acceptance sequence, increasing in the order of acceptance.
        foreach (var bySender in sent.GroupBy(s => s.Envelope.From))
            Assert.Equal(bySender.Count(), bySender.Select(s => s.Receipt.AcceptanceSequence).Distinct().Count());
        foreach (var recipient in Participants)
            await AssertInboxAsync(gateways[recipient], [.. sent.Where(s => s.Envelope.ToAction.Contains(recipient) && !acknowledged.Contains(s.Envelope.MsgId))]);
    }

    /// <summary>A new session is handed exactly the unacknowledged messages, once each, per sender and precedence in acceptance order.</summary>
    private async Task AssertInboxAsync(ModelGateway gateway, List<(Envelope Envelope, SubmitReceipt Receipt)> expected)
    {
        await gateway.OpenAsync();
        var handed = new List<InboxMessage>();
        try
        {
            await Deadline.UntilAsync(async () =>
            {
                handed.AddRange(await gateway.FetchAsync(500));
                return expected.All(e => handed.Exists(m => m.Envelope.MsgId == e.Envelope.MsgId));
            }, TimeSpan.FromSeconds(60), $"{expected.Count} unacknowledged messages in the inbox of {gateway.Participant}");
        }
        catch (TimeoutException timeout)
        {
            Assert.Fail($"{timeout.Message} Missing, with their journal entries: {await JournalOfAsync(expected.Where(e => !handed.Exists(m => m.Envelope.MsgId == e.Envelope.MsgId)))}");
        }
        Assert.Equal(expected.Select(e => e.Envelope.MsgId).Order(), handed.Select(m => m.Envelope.MsgId).Order());
        foreach (var lane in expected.GroupBy(e => (e.Envelope.From, e.Envelope.PrecedenceAction)))
        {
            var byAcceptance = lane.OrderBy(e => e.Receipt.AcceptanceSequence).Select(e => (e.Envelope.MsgId, e.Receipt.AcceptanceSequence));
            Assert.Equal(byAcceptance, handed.Where(m => m.Envelope.From == lane.Key.From && m.Precedence == lane.Key.PrecedenceAction).Select(m => (m.Envelope.MsgId, m.AcceptanceSequence)));
        }
        await gateway.AcknowledgeAsync([.. handed.Select(m => m.Envelope.MsgId)]);
    }

    /// <summary>Where the journal has each message: its entries (stream, version, type), for a failure's message.</summary>
    private async Task<string> JournalOfAsync(IEnumerable<(Envelope Envelope, SubmitReceipt Receipt)> messages)
    {
        var lines = new List<string>();
        foreach (var (envelope, receipt) in messages)
        {
            var entries = await mesh.Journal.FindByMessageIdAsync(envelope.MsgId);
            lines.Add($"{envelope.MsgId} {envelope.From}->{string.Join(",", envelope.ToAction)} {envelope.PrecedenceAction} #{receipt.AcceptanceSequence}: "
                + string.Join(", ", entries.Select(e => $"{e.StreamId}@{e.Version} {e.Type}")));
        }
        return string.Join("; ", lines);
    }

    /// <summary>Each case starts from empty inboxes: whatever an earlier (possibly failed) case left is acknowledged.</summary>
    private static async Task ClearAsync(IEnumerable<ModelGateway> gateways)
    {
        foreach (var gateway in gateways)
        {
            await gateway.OpenAsync();
            for (var batch = await gateway.FetchAsync(500); batch.Length > 0; batch = await gateway.FetchAsync(500))
                await gateway.AcknowledgeAsync([.. batch.Select(m => m.Envelope.MsgId)]);
        }
    }

    /// <summary>A mesh with its rates out of the way.</summary>
    public sealed class Fixture : MeshClusterFixture
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Delivery:SenderRatePerSecond"] = "1000000";
            settings["Delivery:SenderBurst"] = "1000000";
            return settings;
        }
    }
}
