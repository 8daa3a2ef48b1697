namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The message id is claimed before the activation records anything, and "already recorded" means the same sender
/// and content: an id refused for backpressure cannot be reused to slip another message past the activation rules.
/// </summary>
public sealed class ClaimBeforeJudgeTests(SlowRateFixture mesh) : IClassFixture<SlowRateFixture>
{
    private static readonly string[] All = [ParticipantGroups.All];

    [Fact]
    public async Task A_termination_reusing_the_id_of_an_ack_refused_for_rate_is_refused_and_reaches_nobody()
    {
        var script = new ActivationScript(mesh, "A42-2026-0701");
        await script.SendAsync("FR", MessageKind.Invocation, All);
        var de = mesh.Gateway("DE");
        await de.OpenAsync(consuming: false);
        foreach (var to in new[] { "IT", "ES", "PL" })
            await de.SendAsync(TestKeys.Signed("DE", [to]));

        var ack = TestKeys.Signed("DE", ["FR"], MessageKind.InvocationAck, e => e with { ActivationId = script.ActivationId });
        Assert.Equal(ErrorCodes.SenderRateExceeded, Assert.Single((await de.SubmitAsync(ack)).Errors).Code);
        // The id is claimed before backpressure, so the id rule (not DE's rate) is what stands between it and ALL. (At
        // FLASH, which once skipped backpressure, DE would now be refused earlier: it holds no precedence right here.)
        var termination = TestKeys.Signed("DE", All, MessageKind.Termination, e => e with { ActivationId = script.ActivationId, MsgId = ack.MsgId });
        var refused = await de.SubmitAsync(termination);

        Assert.Null(refused.Receipt);
        Assert.Equal(ErrorCodes.MessageIdConflict, Assert.Single(refused.Errors).Code);
        var stored = await mesh.Journal.FindByMessageIdAsync(ack.MsgId);
        Assert.Empty(stored);
        var summary = await script.SummaryAsync();
        Assert.Equal(ActivationState.Invoked, summary.State);
        Assert.DoesNotContain("DE", summary.Acknowledged);

        await mesh.AssertFranceReachesGermanyAsync();
    }

    [Fact]
    public async Task A_resubmission_of_the_same_legal_message_gets_its_original_receipt()
    {
        var script = new ActivationScript(mesh, "A42-2026-0702");
        await script.SendAsync("FR", MessageKind.Invocation, All);
        var ack = TestKeys.Signed("IT", ["FR"], MessageKind.InvocationAck, e => e with { ActivationId = script.ActivationId });
        var italy = mesh.Gateway("IT");
        var first = await italy.SendAsync(ack);
        var again = await italy.SendAsync(ack);

        Assert.Equal((first.MessageId, first.AcceptedAt), (again.MessageId, again.AcceptedAt));
        Assert.Single(await mesh.Journal.FindByMessageIdAsync(ack.MsgId), e => e.Type == EntryTypes.Accepted);
        Assert.Contains("IT", (await script.SummaryAsync()).Acknowledged);
    }
}
