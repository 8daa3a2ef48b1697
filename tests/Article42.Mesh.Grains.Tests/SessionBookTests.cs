using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

public sealed class SessionBookTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly DeliveryOptions _options = new() { SessionLifetime = TimeSpan.FromMinutes(5), ChallengeLifetime = TimeSpan.FromSeconds(30) };
    private readonly SessionBook _book;

    public SessionBookTests() => _book = new SessionBook("FR", new RegistryHolder(TestKeys.Registry), _time, _options);

    [Fact]
    public void A_challenge_answered_after_it_expired_is_refused()
    {
        var challenge = _book.Challenge();
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(ErrorCodes.ChallengeUnknown, _book.Open(Proof(challenge)).Error!.Code);
    }

    [Fact]
    public void A_session_lapses_at_its_expiry_unless_renewed()
    {
        var grant = _book.Open(Proof(_book.Challenge())).Grant!;
        _time.Advance(TimeSpan.FromMinutes(4));
        var renewed = _book.Renew(grant.Token).Grant!;
        Assert.Equal(_time.GetUtcNow() + _options.SessionLifetime, renewed.ExpiresAt);
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(_book.Check(grant.Token, consuming: true).Session);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(ErrorCodes.SessionInvalid, _book.Check(grant.Token, consuming: true).Error!.Code);
        Assert.Equal(ErrorCodes.SessionInvalid, _book.Renew(grant.Token).Error!.Code);
    }

    [Fact]
    public void Each_challenge_is_fresh_and_a_nonce_works_once()
    {
        var first = _book.Challenge();
        var second = _book.Challenge();
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotNull(_book.Open(Proof(first)).Grant);
        Assert.Equal(ErrorCodes.ChallengeUnknown, _book.Open(Proof(first)).Error!.Code);
        Assert.NotNull(_book.Open(Proof(second)).Grant);
    }

    [Fact]
    public void A_new_consuming_session_supersedes_the_old_one_but_send_only_sessions_stay()
    {
        var sendOnly = _book.Open(Proof(_book.Challenge(), consuming: false)).Grant!;
        var old = _book.Open(Proof(_book.Challenge())).Grant!;
        var current = _book.Open(Proof(_book.Challenge())).Grant!;
        Assert.Equal(ErrorCodes.SessionInvalid, _book.Check(old.Token, consuming: true).Error!.Code);
        Assert.Same(_book.Consuming, _book.Check(current.Token, consuming: true).Session);
        Assert.NotNull(_book.Check(sendOnly.Token, consuming: false).Session);
    }

    private static SessionProof Proof(SessionChallenge challenge, bool consuming = true) =>
        SessionProofs.Create(challenge, TestKeys.KeyOf("FR"), consuming);
}
