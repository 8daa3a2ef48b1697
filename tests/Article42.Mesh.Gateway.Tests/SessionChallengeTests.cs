using System.Reflection;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A challenge issued by an activation that was replaced before the proof arrived is refused (<c>A42-SES-001</c>): the
/// gateway asks for another, a bounded number of times, instead of failing the send or the inbox with it (run 99 of
/// issue 24's series met this window in the delivery model). The grain is scripted: which challenge is lost is the
/// test's, not the scheduler's.
/// </summary>
public sealed class SessionChallengeTests
{
    [Fact]
    public async Task A_challenge_lost_to_a_replaced_activation_is_asked_again_and_the_session_opens()
    {
        var grain = ScriptedGrain.Losing(challenges: MeshSession.ChallengeAttempts - 1);
        using var key = ParticipantKeys.Generate();
        using var session = new MeshSession(() => grain, () => key, consuming: false, new GrainCalls(TimeSpan.FromSeconds(30), TimeProvider.System), TimeProvider.System);

        var token = await session.TokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ScriptedGrain.GrantedToken, token);
        Assert.Equal(MeshSession.ChallengeAttempts, ScriptedGrain.Of(grain).ChallengesAsked);
        Assert.Equal(1, session.Opens);
    }

    [Fact]
    public async Task As_many_challenges_lost_in_a_row_as_attempts_end_the_opening_with_the_refusal()
    {
        var grain = ScriptedGrain.Losing(challenges: MeshSession.ChallengeAttempts);
        using var key = ParticipantKeys.Generate();
        using var session = new MeshSession(() => grain, () => key, consuming: false, new GrainCalls(TimeSpan.FromSeconds(30), TimeProvider.System), TimeProvider.System);

        var refused = await Assert.ThrowsAsync<MeshRefusedException>(() => session.TokenAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.ChallengeUnknown, Assert.Single(refused.Errors).Code);
        Assert.Equal(MeshSession.ChallengeAttempts, ScriptedGrain.Of(grain).ChallengesAsked);
        Assert.Equal(0, session.Opens);
    }

    /// <summary>A participant grain that answers only the session opening: the first N proofs meet a lost challenge.</summary>
    public class ScriptedGrain : DispatchProxy
    {
        public const string GrantedToken = "granted";
        private int _lost;

        public int ChallengesAsked { get; private set; }

        public static IParticipantGrain Losing(int challenges)
        {
            var grain = Create<IParticipantGrain, ScriptedGrain>();
            Of(grain)._lost = challenges;
            return grain;
        }

        public static ScriptedGrain Of(IParticipantGrain grain) => (ScriptedGrain)(object)grain;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IParticipantGrain.ChallengeAsync) => ValueTask.FromResult(new SessionChallenge("FR", $"nonce-{++ChallengesAsked}", DateTimeOffset.UtcNow.AddMinutes(1))),
            nameof(IParticipantGrain.OpenSessionAsync) => ValueTask.FromResult(ChallengesAsked <= _lost
                ? new SessionOutcome(null, new MeshError(ErrorCodes.ChallengeUnknown, "$.nonce", "the challenge is unknown, used or expired; ask for a new one"))
                : new SessionOutcome(new SessionGrant(GrantedToken, DateTimeOffset.UtcNow.AddMinutes(5), Consuming: false, TimeSpan.FromMinutes(5)), null)),
            _ => throw new NotSupportedException($"{targetMethod?.Name} is not scripted"),
        };
    }
}
