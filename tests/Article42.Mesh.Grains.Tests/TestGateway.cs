namespace Article42.Mesh.Grains.Tests;

/// <summary>A minimal gateway for tests: opens a session from a signed challenge, submits, drains and acknowledges.</summary>
public sealed class TestGateway(IGrainFactory grains, string participant)
{
    private const int BacklogInFlight = 16;
    private string? _token;

    public string Participant { get; } = participant;
    public IParticipantGrain Grain => grains.GetGrain<IParticipantGrain>(Participant);

    public async Task<string> OpenAsync(bool consuming = true)
    {
        var challenge = await Grain.ChallengeAsync();
        var outcome = await Grain.OpenSessionAsync(SessionProofs.Create(challenge, TestKeys.KeyOf(Participant), consuming));
        Assert.True(outcome.Grant is not null, outcome.Error?.ToString());
        return _token = outcome.Grant!.Token;
    }

    public async Task<string> TokenAsync() => _token ?? await OpenAsync();

    private readonly SemaphoreSlim _reopening = new(1, 1);

    /// <summary>Opens a new send-only session unless another caller already replaced <paramref name="stale"/>.</summary>
    public async Task ReopenAsync(string? stale)
    {
        await _reopening.WaitAsync();
        try
        {
            if (_token == stale)
                await OpenAsync(consuming: false);
        }
        finally
        {
            _reopening.Release();
        }
    }

    public async Task<SubmitOutcome> SubmitAsync(Envelope envelope) => await Grain.SubmitAsync(await TokenAsync(), envelope);

    /// <summary>Submit, version 2 (issue #18): the document's bytes, as a gateway sends them.</summary>
    public async Task<SubmitOutcome> SubmitSignedAsync(byte[] document) => await Grain.SubmitSignedAsync(await TokenAsync(), document);

    public async Task<SubmitReceipt> SendAsync(Envelope envelope)
    {
        var outcome = await SubmitAsync(envelope);
        Assert.True(outcome.Receipt is not null, string.Join("\n", outcome.Errors));
        return outcome.Receipt!;
    }

    /// <summary>
    /// Sends every envelope, <see cref="BacklogInFlight"/> at a time. The grain takes submits one at a time, so a call
    /// waits behind every call queued before it: 500 at once kept the last ones waiting past the 30 s response timeout
    /// in a whole-suite run on a loaded machine. A few in flight keep the grain just as busy.
    /// </summary>
    public Task SendAllAsync(IEnumerable<Envelope> envelopes) =>
        Parallel.ForEachAsync(envelopes, new ParallelOptions { MaxDegreeOfParallelism = BacklogInFlight }, async (envelope, _) => await SendThroughLapsesAsync(envelope));

    /// <summary>Sends the envelopes one after the other, each accepted before the next: the order a sender keeps.</summary>
    public async Task SendInOrderAsync(IEnumerable<Envelope> envelopes)
    {
        foreach (var envelope in envelopes)
            await SendThroughLapsesAsync(envelope);
    }

    /// <summary>
    /// A send that outlives its send-only session: a session lapses <c>Delivery:SessionLifetime</c> (5 min) after it was
    /// opened or renewed, however busy, and thousands of sends took longer on a loaded machine. On
    /// <see cref="ErrorCodes.SessionInvalid"/> it opens a new session and sends the same envelope again, as the SDK does
    /// (the same message again is accepted once).
    /// </summary>
    private async Task<SubmitReceipt> SendThroughLapsesAsync(Envelope envelope)
    {
        var token = await TokenAsync();
        var outcome = await Grain.SubmitAsync(token, envelope);
        if (outcome.Receipt is null && outcome.Errors.Any(e => e.Code == ErrorCodes.SessionInvalid))
        {
            await ReopenAsync(token);
            outcome = await SubmitAsync(envelope);
        }

        Assert.True(outcome.Receipt is not null, string.Join("\n", outcome.Errors));
        return outcome.Receipt!;
    }

    public async Task<ImmutableArray<InboxMessage>> FetchAsync(int max = 500)
    {
        var outcome = await Grain.FetchAsync(await TokenAsync(), max);
        Assert.True(outcome.Error is null, outcome.Error?.ToString());
        return outcome.Messages;
    }

    /// <summary>
    /// Fetches until every message of <paramref name="messageIds"/> has arrived (failing past the deadline), and returns
    /// everything fetched meanwhile, duplicates included, so a test can count them.
    /// </summary>
    public async Task<List<InboxMessage>> ReceiveAsync(IReadOnlyCollection<string> messageIds, TimeSpan? within = null)
    {
        var received = new List<InboxMessage>();
        await Deadline.UntilAsync(async () =>
        {
            received.AddRange(await FetchAsync());
            return messageIds.All(id => received.Exists(m => m.Envelope.MsgId == id));
        }, within ?? TimeSpan.FromSeconds(30), $"{messageIds.Count} messages in the inbox of {Participant}");
        return received;
    }

    /// <summary>Acknowledges everything in the inbox, so a test starts from an empty one on a shared cluster.</summary>
    public async Task ClearAsync()
    {
        for (var batch = await FetchAsync(); batch.Length > 0; batch = await FetchAsync())
            Assert.Empty((await AcknowledgeAsync(batch.Select(m => m.Envelope.MsgId))).Errors);
    }

    public async Task<AckOutcome> AcknowledgeAsync(IEnumerable<string> messageIds) =>
        await Grain.AcknowledgeAsync(await TokenAsync(), [.. messageIds]);

    /// <summary>Reports until <paramref name="count"/> have arrived.</summary>
    public async Task<List<DeliveryReport>> ReportsAsync(int count, TimeSpan? within = null)
    {
        var reports = new List<DeliveryReport>();
        long after = 0;
        await Deadline.UntilAsync(async () =>
        {
            // The feed says how far it read (a read looks at a bounded number of entries): the next read starts there.
            var outcome = await Grain.ReportsAsync(await TokenAsync(), after, 500);
            Assert.True(outcome.Error is null, outcome.Error?.ToString());
            reports.AddRange(outcome.Reports);
            after = Math.Max(outcome.ReadUpTo, reports.Count == 0 ? 0 : reports[^1].Position);
            return reports.Count >= count;
        }, within ?? TimeSpan.FromSeconds(30), $"{count} reports for {Participant} (have {reports.Count})");
        return reports;
    }
}
