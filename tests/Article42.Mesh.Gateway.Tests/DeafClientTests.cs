using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// When the gateway's Orleans client counts as deaf (issue 20, docs/gateway-sdk.md "After a connection cut"): three calls
/// in a row that time out, with no answer for twice the call timeout, and only then; <see cref="GrainCalls.OnDeaf"/> is
/// what makes <c>MeshGateway</c> start a fresh client (<c>ClientLink.ReplaceAsync</c>). Time is a fake clock.
/// </summary>
public sealed class DeafClientTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private readonly FakeTimeProvider _clock = new();
    private readonly GrainCalls _calls;
    private int _deaf;

    public DeafClientTests() => _calls = new GrainCalls(CallTimeout, _clock) { OnDeaf = () => Interlocked.Increment(ref _deaf) };

    [Fact]
    public async Task Two_unanswered_calls_in_a_row_are_not_deaf_however_long_nothing_was_answered()
    {
        _clock.Advance(TimeSpan.FromMinutes(10));

        await UnansweredAsync();
        await UnansweredAsync();

        Assert.Equal(0, _deaf);
    }

    [Fact]
    public async Task The_third_unanswered_call_in_a_row_after_twice_the_call_timeout_without_an_answer_is_deaf_once()
    {
        await UnansweredAsync();
        await UnansweredAsync();
        Assert.Equal(0, _deaf);

        await UnansweredAsync();

        Assert.Equal(1, _deaf);
    }

    [Fact]
    public async Task An_answer_between_unanswered_calls_starts_the_count_again()
    {
        await UnansweredAsync();
        await UnansweredAsync();
        await AnsweredAsync();
        await UnansweredAsync();
        await UnansweredAsync();
        Assert.Equal(0, _deaf);

        await UnansweredAsync();

        Assert.Equal(1, _deaf);
    }

    [Fact]
    public async Task A_rejection_or_a_refusal_is_an_answer()
    {
        await UnansweredAsync();
        await UnansweredAsync();
        await Assert.ThrowsAsync<OrleansException>(() => _calls.Bounded(ValueTask.FromException<int>(new OrleansException("rejected by the silo")), CancellationToken.None));
        await UnansweredAsync();
        await UnansweredAsync();
        var refused = await Assert.ThrowsAsync<MeshRefusedException>(() => _calls.Bounded(ValueTask.FromException<int>(new MeshCallRefusedException(new MeshError(ErrorCodes.SessionInvalid, "$", "no session"))), CancellationToken.None));
        await UnansweredAsync();
        await UnansweredAsync();

        Assert.Equal(ErrorCodes.SessionInvalid, Assert.Single(refused.Errors).Code);
        Assert.Equal(0, _deaf);
    }

    [Fact]
    public async Task Three_unanswered_calls_within_less_than_twice_the_call_timeout_of_the_last_answer_are_not_deaf()
    {
        // Three calls in flight together all time out one call timeout after the last answer; a fourth, started a tick
        // before they did, times out a tick short of twice the call timeout.
        var together = Enumerable.Range(0, 3).Select(_ => Pending()).ToList();
        _clock.Advance(CallTimeout - Tick);
        var fourth = Pending();
        _clock.Advance(Tick);
        foreach (var call in together)
            await Assert.ThrowsAsync<TimeoutException>(() => call);
        _clock.Advance(CallTimeout - Tick);
        await Assert.ThrowsAsync<TimeoutException>(() => fourth);

        Assert.Equal(0, _deaf);
    }

    [Fact]
    public async Task At_exactly_twice_the_call_timeout_without_an_answer_the_fourth_unanswered_call_is_deaf()
    {
        var together = Enumerable.Range(0, 3).Select(_ => Pending()).ToList();
        _clock.Advance(CallTimeout);
        foreach (var call in together)
            await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Equal(0, _deaf);

        await UnansweredAsync();

        Assert.Equal(1, _deaf);
    }

    [Fact]
    public async Task After_a_deaf_verdict_it_takes_three_more_in_a_row_for_the_next()
    {
        for (var i = 0; i < 3; i++)
            await UnansweredAsync();
        Assert.Equal(1, _deaf);

        await UnansweredAsync();
        await UnansweredAsync();
        Assert.Equal(1, _deaf);

        await UnansweredAsync();

        Assert.Equal(2, _deaf);
    }

    /// <summary>A call the mesh never answers: it times out after the call timeout, on the fake clock.</summary>
    private async Task UnansweredAsync()
    {
        var call = Pending();
        _clock.Advance(CallTimeout);
        await Assert.ThrowsAsync<TimeoutException>(() => call);
    }

    private async Task AnsweredAsync() => Assert.Equal(42, await _calls.Bounded(ValueTask.FromResult(42), CancellationToken.None));

    private Task<int> Pending() => _calls.Bounded(new ValueTask<int>(new TaskCompletionSource<int>().Task), CancellationToken.None);
}
