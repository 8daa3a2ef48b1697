namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Issue #21: a gateway learns the registry's public keys with their ids through its session, each flagged when the
/// registry marks it revoked; without a live session it learns nothing.
/// </summary>
public sealed class RegistryKeysTests(KeyIdFixture mesh) : IClassFixture<KeyIdFixture>
{
    [Fact]
    public async Task A_live_session_gets_every_registry_key_with_its_id_and_a_key_revoked_since_comes_flagged()
    {
        var gateway = mesh.Gateway("CY");
        var token = await gateway.OpenAsync(consuming: false);
        var revoked = KeyId.OfSubjectPublicKeyInfo(TestKeys.KeyOf("MT").ExportSubjectPublicKeyInfo());
        mesh.Revoked.Revoke(revoked);

        var outcome = await gateway.Grain.RegistryKeysAsync(token);

        Assert.Null(outcome.Error);
        var expected = TestKeys.Registry.Participants.Where(p => p.PublicKey is not null)
            .Select(p => new PublishedKey(p.Id, KeyId.Of(p.PublicKey!), p.PublicKey!, p.Id == "MT"));
        Assert.Equal(expected, outcome.Keys);
        Assert.Equal(revoked, Assert.Single(outcome.Keys, k => k.Revoked).KeyId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-session-token")]
    public async Task Without_a_live_session_the_keys_are_refused_with_SES_003_and_none_are_given(string token)
    {
        var outcome = await mesh.Gateway("GR").Grain.RegistryKeysAsync(token);

        Assert.Equal(ErrorCodes.SessionInvalid, outcome.Error?.Code);
        Assert.Empty(outcome.Keys);
    }
}
