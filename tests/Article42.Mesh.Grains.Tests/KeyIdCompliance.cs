namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Issue #21: each acceptance records the id of the key that verified it, and the operator's trace shows that id and
/// flags it once the registry marks the key revoked. One body, run on each journal (<see cref="KeyIdTests"/> on
/// SQLite, <see cref="KeyIdPostgresTests"/>).
/// </summary>
public abstract class KeyIdCompliance(KeyIdFixture mesh)
{
    [Fact]
    public async Task The_acceptance_records_the_id_of_the_key_that_verified_it_and_the_trace_shows_it_unrevoked()
    {
        var expected = KeyId.OfSubjectPublicKeyInfo(TestKeys.KeyOf("HR").ExportSubjectPublicKeyInfo());
        var message = TestKeys.Signed("HR", ["SI"]);

        await mesh.Gateway("HR").SendAsync(message);

        await Deadline.UntilAsync(async () => (await mesh.Journal.FindByMessageIdAsync(message.MsgId)).Any(e => e.Type == EntryTypes.Received),
            TimeSpan.FromSeconds(30), "the message stored in SI's inbox");
        var entries = await mesh.Journal.FindByMessageIdAsync(message.MsgId);
        Assert.Equal(expected, Assert.Single(entries, e => e.Type == EntryTypes.Accepted).KeyId);
        // The recipient's received entry carries the same id on to its gateway (issue 21 item 5); no other entry has one.
        Assert.All(entries.Where(e => e.Type == EntryTypes.Received), e => Assert.Equal(expected, e.KeyId));
        Assert.All(entries.Where(e => e.Type is not (EntryTypes.Accepted or EntryTypes.Received)), e => Assert.Null(e.KeyId));
        var trace = await TraceAsync(message.MsgId);
        Assert.Equal(expected, trace.KeyId);
        Assert.False(trace.KeyRevoked);
    }

    [Fact]
    public async Task A_message_accepted_under_a_key_the_registry_revoked_since_is_flagged_and_another_senders_is_not()
    {
        var underRevoked = TestKeys.Signed("LU", ["BE"]);
        var underValid = TestKeys.Signed("NL", ["BE"]);
        await mesh.Gateway("LU").SendAsync(underRevoked);
        await mesh.Gateway("NL").SendAsync(underValid);
        var revoked = KeyId.Of(TestKeys.Registry.Find("LU")!.PublicKey!);
        Assert.False((await TraceAsync(underRevoked.MsgId)).KeyRevoked);

        mesh.Revoked.Revoke(revoked);

        var flagged = await TraceAsync(underRevoked.MsgId);
        Assert.Equal(revoked, flagged.KeyId);
        Assert.True(flagged.KeyRevoked);
        var unflagged = await TraceAsync(underValid.MsgId);
        Assert.Equal(KeyId.Of(TestKeys.Registry.Find("NL")!.PublicKey!), unflagged.KeyId);
        Assert.False(unflagged.KeyRevoked);
    }

    private async Task<MessageTrace> TraceAsync(string messageId)
    {
        var outcome = await mesh.Admin.TraceAsync(mesh.Proof(OperatorProofs.Trace, messageId));
        Assert.Null(outcome.Error);
        return outcome.Trace!;
    }
}
