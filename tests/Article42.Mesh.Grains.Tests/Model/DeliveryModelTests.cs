using CsCheck;

namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// A model-based test of the delivery core (issue #18): random submits, resubmits, fetches, acknowledgements, silo
/// crashes (a participant's activation deactivated, a fresh one over the same journal) and duplicate activations (a
/// submit through a second cluster over the same journal: a second live activation of the sender and, through its
/// lanes, of the recipient; <see cref="TwoClusterFixture"/>) against a reference model. The defects it found each have
/// a test that forces their order (<see cref="DuplicateActivationTests"/>, <see cref="StaleInboxTests"/>). After each
/// case every gateway opens a new session and must be
/// handed exactly the messages the model holds unacknowledged for it: nothing lost, nothing twice, none acknowledged,
/// and per (sender, recipient, precedence) in acceptance order; every resubmission got its original receipt.
/// CsCheck prints the seed of a failing case; <c>CsCheck_Seed=SEED</c> in the environment replays it.
/// </summary>
public sealed class DeliveryModelTests(TwoClusterFixture mesh) : IClassFixture<TwoClusterFixture>
{
    private static readonly string[] Participants = ["AT", "BE", "BG"];
    private static readonly Precedence[] Precedences = [Precedence.Deferred, Precedence.Routine, Precedence.Priority];

    private static readonly Gen<ModelOperation> Operation =
        Gen.Select(Gen.Int[0, 17], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 4]).Select((kind, from, to, precedence, count) => new ModelOperation(
            kind switch
            {
                < 6 => ModelStep.Submit,
                < 7 => ModelStep.Resubmit,
                < 11 => ModelStep.Fetch,
                < 14 => ModelStep.Acknowledge,
                < 16 => ModelStep.Crash,
                _ => ModelStep.SubmitElsewhere,
            },
            from,
            to == from ? (to + 1) % Participants.Length : to,
            precedence,
            count));

    [Fact]
    public async Task Random_submits_fetches_acks_crashes_and_duplicate_activations_lose_nothing_duplicate_nothing_and_keep_the_order()
    {
        var output = TestContext.Current.TestOutputHelper;
        await Operation.Array[15, 40].SampleAsync(RunCaseAsync, writeLine: output is null ? null : output.WriteLine, iter: 6, threads: 1,
            print: operations => string.Join("; ", operations.Select(o => o.ToString())));
    }

    private async Task RunCaseAsync(ModelOperation[] operations)
    {
        var gateways = Participants.ToDictionary(p => p, p => new ModelGateway(mesh.Grains, p));
        var elsewhere = Participants.ToDictionary(p => p, p => new ModelGateway(mesh.Elsewhere, p));
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
                case ModelStep.SubmitElsewhere:
                    var there = TestKeys.Signed(from, [to], change: e => e with { PrecedenceAction = Precedences[operation.Precedence] });
                    sent.Add((there, await elsewhere[from].SubmitAsync(there)));
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
        // What the gateway's current session was handed: a stale activation fenced off mid-way (a duplicate activation's
        // write) ends the session, and the new one is handed every unacknowledged message again, from the start.
        var handed = gateway.Handed;
        try
        {
            await Deadline.UntilAsync(async () =>
            {
                await gateway.FetchAsync(500);
                return expected.All(e => handed.Exists(m => m.Envelope.MsgId == e.Envelope.MsgId));
            }, TimeSpan.FromSeconds(60), $"{expected.Count} unacknowledged messages in the inbox of {gateway.Participant}");
        }
        catch (TimeoutException timeout)
        {
            Assert.Fail($"{timeout.Message} Missing, with their journal entries: {await JournalOfAsync(expected.Where(e => !handed.Exists(m => m.Envelope.MsgId == e.Envelope.MsgId)))}");
        }
        var unexpected = handed.Where(m => !expected.Exists(e => e.Envelope.MsgId == m.Envelope.MsgId)).Select(m => m.Envelope.MsgId).ToList();
        Assert.True(handed.Count == expected.Count && unexpected.Count == 0,
            $"{gateway.Participant} was handed {handed.Count} messages for {expected.Count} unacknowledged: not expected {string.Join(", ", unexpected)}, "
            + $"twice {string.Join(", ", handed.GroupBy(m => m.Envelope.MsgId).Where(g => g.Count() > 1).Select(g => g.Key))}; their journal entries: {await EntriesOfAsync(unexpected)}");
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

    /// <summary>The journal entries (stream, version, type) of messages by id, for a failure's message.</summary>
    private async Task<string> EntriesOfAsync(IEnumerable<string> messageIds)
    {
        var lines = new List<string>();
        foreach (var id in messageIds)
            lines.Add($"{id}: " + string.Join(", ", (await mesh.Journal.FindByMessageIdAsync(id)).Select(e => $"{e.StreamId}@{e.Version} {e.Type}")));
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
}
