namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Issue #21 item 4: a gateway's live session gets the operator-signed registry document the silo applied, as signed,
/// so the gateway can check it against the operator's key; without a session it gets nothing.
/// </summary>
public sealed class RegistryDocumentTests(SignedRegistryFixture mesh) : IClassFixture<SignedRegistryFixture>
{
    [Fact]
    public async Task A_live_session_gets_the_applied_document_as_signed_and_after_an_update_the_new_one()
    {
        var gateway = mesh.Gateway("HU");
        var token = await gateway.OpenAsync(consuming: false);

        var first = await gateway.Grain.RegistryDocumentAsync(token);

        Assert.Null(first.Error);
        var verified = RegistryDocuments.Verify(first.Document, mesh.OperatorKey, appliedVersion: 0);
        Assert.Null(verified.Error);
        Assert.Equal(mesh.Holder.Current.Version, verified.Registry!.Version);
        Assert.Equal(mesh.Holder.Current.Participants, verified.Registry.Participants);

        var next = RegistryUpdates.Rotate(mesh.Holder.Current, "RO", ParticipantKeys.PublicKeyOf(ParticipantKeys.Generate()), DateTimeOffset.UtcNow);
        Assert.True(mesh.Holder.TryApply(mesh.Signed(next)));
        var second = await gateway.Grain.RegistryDocumentAsync(token);
        var updated = RegistryDocuments.Verify(second.Document, mesh.OperatorKey, appliedVersion: verified.Registry.Version);
        Assert.Null(updated.Error);
        Assert.Equal(next.Find("RO")!.PublicKey, updated.Registry!.Find("RO")!.PublicKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-session-token")]
    public async Task Without_a_live_session_the_document_is_refused_with_SES_003_and_none_is_given(string token)
    {
        var outcome = await mesh.Gateway("BG").Grain.RegistryDocumentAsync(token);

        Assert.Equal(ErrorCodes.SessionInvalid, outcome.Error?.Code);
        Assert.Null(outcome.Document);
    }
}
