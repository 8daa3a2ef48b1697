using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

/// <summary>Challenges cost no state: no number of unauthenticated callers can flush the one a gateway is answering.</summary>
public sealed class ChallengeFloodTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    [Fact]
    public async Task Seventy_unauthenticated_challenges_do_not_invalidate_a_correctly_signed_proof()
    {
        var germany = mesh.Grains.GetGrain<IParticipantGrain>("DE");
        var challenge = await germany.ChallengeAsync();
        for (var i = 0; i < 70; i++)
            Assert.Equal("DE", (await germany.ChallengeAsync()).Participant);

        var outcome = await germany.OpenSessionAsync(SessionProofs.Create(challenge, TestKeys.KeyOf("DE"), consuming: true));

        Assert.True(outcome.Grant is not null, outcome.Error?.ToString());
        var sitrep = await mesh.Gateway("FR").SendAsync(TestKeys.Signed("FR", ["DE"]));
        var fetched = await germany.FetchAsync(outcome.Grant!.Token, 10);
        Assert.Contains(fetched.Messages, m => m.Envelope.MsgId == sitrep.MessageId);
    }

    [Fact]
    public async Task A_challenge_of_another_participant_or_a_forged_nonce_is_refused_and_the_nonce_is_spent_once()
    {
        var germany = mesh.Grains.GetGrain<IParticipantGrain>("DE");
        var forFrance = await mesh.Grains.GetGrain<IParticipantGrain>("FR").ChallengeAsync();
        var stolen = SessionProofs.Create(forFrance with { Participant = "DE" }, TestKeys.KeyOf("DE"), consuming: false);
        var forged = SessionProofs.Create(new SessionChallenge("DE", Convert.ToBase64String(new byte[40]), DateTimeOffset.UtcNow.AddSeconds(30)), TestKeys.KeyOf("DE"), consuming: false);
        var proof = SessionProofs.Create(await germany.ChallengeAsync(), TestKeys.KeyOf("DE"), consuming: false);

        Assert.Equal(ErrorCodes.ChallengeUnknown, (await germany.OpenSessionAsync(stolen)).Error?.Code);
        Assert.Equal(ErrorCodes.ChallengeUnknown, (await germany.OpenSessionAsync(forged)).Error?.Code);
        Assert.NotNull((await germany.OpenSessionAsync(proof)).Grant);
        Assert.Equal(ErrorCodes.ChallengeUnknown, (await germany.OpenSessionAsync(proof)).Error?.Code);
    }

    [Fact]
    public void Ten_thousand_challenges_leave_nothing_behind_and_spent_nonces_are_forgotten_when_they_expire()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new DeliveryOptions { ChallengeLifetime = TimeSpan.FromSeconds(30) };
        var book = new SessionBook("FR", new RegistryHolder(TestKeys.Registry), time, options, new ChallengeKey("test-cluster-secret"));
        var answered = book.Challenge();
        for (var i = 0; i < 10_000; i++)
            book.Challenge();
        Assert.Equal(0, book.RememberedNonces);

        Assert.NotNull(book.Open(SessionProofs.Create(answered, TestKeys.KeyOf("FR"), consuming: false)).Grant);
        Assert.Equal(1, book.RememberedNonces);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(book.Open(SessionProofs.Create(book.Challenge(), TestKeys.KeyOf("FR"), consuming: false)).Grant);
        Assert.Equal(1, book.RememberedNonces);
    }
}
