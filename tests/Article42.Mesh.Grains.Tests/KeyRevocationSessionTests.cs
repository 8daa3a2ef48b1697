using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

/// <summary>Issue #21: once the holder's registry revokes a key, its sessions end and it opens none; a rotation ends none.</summary>
public sealed class KeyRevocationSessionTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly DeliveryOptions _options = new() { SessionLifetime = TimeSpan.FromMinutes(5), ChallengeLifetime = TimeSpan.FromSeconds(30) };
    private readonly RegistryHolder _holder = new(TestKeys.Registry);
    private readonly SessionBook _book;

    public KeyRevocationSessionTests() => _book = new SessionBook("FR", _holder, _time, _options);

    [Fact]
    public void Revoking_the_key_ends_its_open_sessions_and_refuses_new_ones_with_the_code()
    {
        var consuming = _book.Open(Proof(consuming: true)).Grant!;
        var sendOnly = _book.Open(Proof(consuming: false)).Grant!;

        Assert.True(_holder.TryApply(RegistryUpdates.Revoke(_holder.Current, "FR", keyId: null, _time.GetUtcNow())));

        Assert.Equal(ErrorCodes.KeyRevoked, _book.Check(consuming.Token, consuming: true).Error?.Code);
        Assert.Equal(ErrorCodes.KeyRevoked, _book.Renew(sendOnly.Token).Error?.Code);
        Assert.False(_book.HasConsumer);
        Assert.Equal(ErrorCodes.SessionInvalid, _book.Check(consuming.Token, consuming: true).Error?.Code); // ended, not merely refused once
        Assert.Equal(ErrorCodes.KeyRevoked, _book.Open(Proof(consuming: true)).Error?.Code);
    }

    [Fact]
    public void Revoking_another_participants_key_ends_nothing_here()
    {
        var consuming = _book.Open(Proof(consuming: true)).Grant!;

        Assert.True(_holder.TryApply(RegistryUpdates.Revoke(_holder.Current, "DE", keyId: null, _time.GetUtcNow())));

        Assert.Null(_book.Check(consuming.Token, consuming: true).Error);
    }

    [Fact]
    public void An_older_or_equal_version_is_not_applied()
    {
        var next = RegistryUpdates.Revoke(_holder.Current, "FR", keyId: null, _time.GetUtcNow());
        Assert.True(_holder.TryApply(next));

        Assert.False(_holder.TryApply(next));
        Assert.False(_holder.TryApply(TestKeys.Registry));
        Assert.Same(next, _holder.Current);
    }

    private SessionProof Proof(bool consuming) => SessionProofs.Create(_book.Challenge(), TestKeys.KeyOf("FR"), consuming);
}
