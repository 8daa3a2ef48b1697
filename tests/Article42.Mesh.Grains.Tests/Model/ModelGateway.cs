namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// A gateway as the SDK behaves, for the model test: a consuming session reopened when the mesh forgot it (an activation
/// gone), and a call the mesh could not complete (<see cref="MeshUnavailableException"/>: a stale activation fenced off
/// by the journal) made again. What it was handed in its current session, it knows.
/// </summary>
public sealed class ModelGateway(IGrainFactory grains, string participant)
{
    private string? _token;

    public string Participant { get; } = participant;

    /// <summary>Message ids handed out in the current consuming session, in order, not acknowledged yet.</summary>
    public List<InboxMessage> Handed { get; } = [];

    private IParticipantGrain Grain => grains.GetGrain<IParticipantGrain>(Participant);

    public Task<SubmitReceipt> SubmitAsync(Envelope envelope) => RetryAsync(async token =>
    {
        var outcome = await Grain.SubmitAsync(token, envelope);
        return (outcome.Receipt, outcome.Errors.FirstOrDefault());
    });

    /// <summary>Fetches; a new session (the old one forgotten) starts a new <see cref="Handed"/>.</summary>
    private Task<FetchOutcome> FetchOutcomeAsync(int max) => RetryAsync(async token =>
    {
        var outcome = await Grain.FetchAsync(token, max);
        if (outcome.Error is null)
            Handed.AddRange(outcome.Messages);
        return (outcome.Error is null ? outcome : null, outcome.Error);
    });

    public async Task<ImmutableArray<InboxMessage>> FetchAsync(int max) => (await FetchOutcomeAsync(max)).Messages;

    public Task<AckOutcome> AcknowledgeAsync(IReadOnlyCollection<string> ids) => RetryAsync(async token =>
    {
        var outcome = await Grain.AcknowledgeAsync(token, [.. ids]);
        var sessionLost = outcome.Errors.FirstOrDefault(e => e.Code == ErrorCodes.SessionInvalid);
        return (sessionLost is null ? outcome : null, sessionLost);
    });

    /// <summary>
    /// Opens a new consuming session: the mesh hands every unacknowledged message again. Made again when the mesh could
    /// not serve it (a stale activation, fenced off at the session's start, deactivated: the next call meets a fresh one),
    /// and when the challenge was lost to an activation replaced before the proof arrived (A42-SES-001), as the SDK does.
    /// </summary>
    public async Task<string> OpenAsync()
    {
        string? token = null;
        await Deadline.UntilAsync(async () =>
        {
            try
            {
                token = await OpenOnceAsync();
                return token is not null;
            }
            catch (MeshUnavailableException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), $"a consuming session of {Participant}'s gateway to open");
        return token!;
    }

    /// <summary>The new session's token; null when the challenge was lost (A42-SES-001).</summary>
    private async Task<string?> OpenOnceAsync()
    {
        Handed.Clear();
        var challenge = await Grain.ChallengeAsync();
        var outcome = await Grain.OpenSessionAsync(SessionProofs.Create(challenge, TestKeys.KeyOf(Participant), consuming: true));
        if (outcome.Error?.Code == ErrorCodes.ChallengeUnknown)
            return null;
        Assert.True(outcome.Grant is not null, outcome.Error?.ToString());
        return _token = outcome.Grant!.Token;
    }

    private async Task<T> RetryAsync<T>(Func<string, Task<(T? Value, MeshError? Error)>> call)
    {
        T? result = default;
        await Deadline.UntilAsync(async () =>
        {
            try
            {
                var (value, error) = await call(_token ?? await OpenAsync());
                if (error?.Code == ErrorCodes.SessionInvalid)
                {
                    await OpenAsync();
                    return false;
                }
                Assert.True(error is null, $"{Participant}: {error}");
                result = value;
                return true;
            }
            catch (MeshUnavailableException)
            {
                // A stale activation fenced off by the journal: it deactivated, the next call meets a fresh one.
                return false;
            }
        }, TimeSpan.FromSeconds(60), $"a call of {Participant}'s gateway to succeed");
        return result!;
    }
}
