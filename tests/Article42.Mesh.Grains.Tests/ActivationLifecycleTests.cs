namespace Article42.Mesh.Grains.Tests;

public sealed class ActivationLifecycleTests(DeliveryFixture mesh) : IClassFixture<DeliveryFixture>
{
    private static readonly string[] Invoker = ["FR"];
    private static readonly string[] AllStates = [ParticipantGroups.AllMemberStates];

    [Fact]
    public async Task A_full_activation_runs_from_invocation_through_assistance_to_closed()
    {
        var script = new ActivationScript(mesh, "A42-2026-0101");
        await script.SendAsync("FR", MessageKind.Invocation, AllStates);
        Assert.Equal(ActivationState.Invoked, (await script.SummaryAsync()).State);

        foreach (var state in TestKeys.Registry.MemberStates.Where(ms => ms != "FR"))
            await script.SendAsync(state, MessageKind.InvocationAck, Invoker);
        var acknowledged = await script.SummaryAsync();
        Assert.Equal(ActivationState.Acknowledged, acknowledged.State);
        Assert.Equal(26, acknowledged.Acknowledged.Length);
        Assert.Empty(acknowledged.NotYetAcknowledged);

        await script.SendAsync("FR", MessageKind.Sitrep, AllStates);
        Assert.Equal(ActivationState.Assessing, (await script.SummaryAsync()).State);

        await script.SendAsync("FR", MessageKind.Rfa, AllStates, ActivationScript.Rfa("RFA-1", ("L1", "MED.EMT2", 2), ("L2", "CYB.CRRT", 1)));
        Assert.Equal(ActivationState.Requesting, (await script.SummaryAsync()).State);

        await script.SendAsync("DE", MessageKind.InventoryDeclaration, ["ERCC"], ActivationScript.Inventory("MED.EMT2", 5), e => e with { ActivationId = null });
        await script.SendAsync("DE", MessageKind.Offer, Invoker, ActivationScript.Offer("DE-1", "RFA-1", "L1", "MED.EMT2", 2));
        await script.SendAsync("FR", MessageKind.OfferDecision, ["DE"], ActivationScript.Decision("DE-1", OfferDecisionKind.Accept));
        var covered = await script.SummaryAsync();
        Assert.Equal(RfaLineState.Covered, covered.Lines.Single(l => l.LineId == "L1").State);
        Assert.Equal(RfaLineState.Open, covered.Lines.Single(l => l.LineId == "L2").State);

        await script.SendAsync("DE", MessageKind.Commitment, Invoker, ActivationScript.Commitment("DE-1"));
        var active = await script.SummaryAsync();
        Assert.Equal(ActivationState.AssistanceActive, active.State);
        Assert.Equal(2, active.Lines.Single(l => l.LineId == "L1").Committed);

        await script.SendAsync("DE", MessageKind.DeploymentStatus, Invoker, ActivationScript.Deployment("DE-1", DeploymentState.Arrived));
        await script.RefusedAsync(ErrorCodes.StateForbids, "FR", MessageKind.CloseoutReport, AllStates);
        await script.SendAsync("FR", MessageKind.Termination, AllStates);
        Assert.Equal(ActivationState.StandDown, (await script.SummaryAsync()).State);
        await script.RefusedAsync(ErrorCodes.AssetsDeployed, "FR", MessageKind.CloseoutReport, AllStates);

        await script.SendAsync("DE", MessageKind.DeploymentStatus, Invoker, ActivationScript.Deployment("DE-1", DeploymentState.Returned));
        await script.SendAsync("FR", MessageKind.CloseoutReport, AllStates);
        var closed = await script.SummaryAsync();
        Assert.Equal(ActivationState.Closed, closed.State);
        Assert.Equal(OfferState.Completed, closed.Offers.Single().State);
        await script.RefusedAsync(ErrorCodes.ActivationClosed, "FR", MessageKind.Sitrep, AllStates);
    }

    [Fact]
    public async Task A_termination_before_any_acceptance_withdraws_the_activation()
    {
        var script = new ActivationScript(mesh, "A42-2026-0102");
        await script.SendAsync("EE", MessageKind.Invocation, AllStates);
        await script.SendAsync("EE", MessageKind.Rfa, AllStates, ActivationScript.Rfa("RFA-1", ("L1", "MIL.AIR", 4)));
        await script.SendAsync("DE", MessageKind.Offer, ["EE"], ActivationScript.Offer("DE-9", "RFA-1", "L1", "MIL.AIR", 2));
        await script.SendAsync("EE", MessageKind.Termination, AllStates);
        Assert.Equal(ActivationState.Withdrawn, (await script.SummaryAsync()).State);
    }

    [Fact]
    public async Task Partial_acceptance_covers_part_of_a_line_and_a_withdrawal_after_commitment_reopens_it()
    {
        var script = new ActivationScript(mesh, "A42-2026-0103");
        await script.SendAsync("LV", MessageKind.Invocation, AllStates);
        await script.SendAsync("LV", MessageKind.Rfa, AllStates, ActivationScript.Rfa("RFA-7", ("L1", "CP.USAR-HEAVY", 4)));
        await script.SendAsync("SE", MessageKind.InventoryDeclaration, ["ERCC"], ActivationScript.Inventory("CP.USAR-HEAVY", 3), e => e with { ActivationId = null });

        await script.SendAsync("DK", MessageKind.Offer, ["LV"], ActivationScript.Offer("DK-1", "RFA-7", "L1", "CP.USAR-HEAVY", 4));
        await script.SendAsync("LV", MessageKind.OfferDecision, ["DK"], ActivationScript.Decision("DK-1", OfferDecisionKind.Partial, 2));
        Assert.Equal((RfaLineState.PartiallyCovered, 2), Line(await script.SummaryAsync()));

        await script.SendAsync("SE", MessageKind.Offer, ["LV"], ActivationScript.Offer("SE-1", "RFA-7", "L1", "CP.USAR-HEAVY", 2));
        await script.SendAsync("LV", MessageKind.OfferDecision, ["SE"], ActivationScript.Decision("SE-1", OfferDecisionKind.Accept));
        Assert.Equal((RfaLineState.Covered, 4), Line(await script.SummaryAsync()));
        await script.RefusedAsync(ErrorCodes.LineNotOpen, "NL", MessageKind.Offer, ["LV"], ActivationScript.Offer("NL-1", "RFA-7", "L1", "CP.USAR-HEAVY", 1));

        await script.SendAsync("SE", MessageKind.Commitment, ["LV"], ActivationScript.Commitment("SE-1"));
        await script.SendAsync("SE", MessageKind.OfferWithdraw, ["LV"], new OfferWithdrawBody { OfferId = "SE-1", Reason = "Team recalled." });
        Assert.Equal((RfaLineState.PartiallyCovered, 2), Line(await script.SummaryAsync()));

        await script.SendAsync("NL", MessageKind.Offer, ["LV"], ActivationScript.Offer("NL-2", "RFA-7", "L1", "CP.USAR-HEAVY", 2));
        await script.SendAsync("LV", MessageKind.OfferDecision, ["NL"], ActivationScript.Decision("NL-2", OfferDecisionKind.Accept));
        Assert.Equal((RfaLineState.Covered, 4), Line(await script.SummaryAsync()));

        // The withdrawn commitment gave SE's inventory back: all 3 can be committed elsewhere.
        var other = new ActivationScript(mesh, "A42-2026-0104");
        await other.SendAsync("LT", MessageKind.Invocation, AllStates);
        await other.SendAsync("LT", MessageKind.Rfa, AllStates, ActivationScript.Rfa("RFA-1", ("L1", "CP.USAR-HEAVY", 3)));
        await other.SendAsync("SE", MessageKind.Offer, ["LT"], ActivationScript.Offer("SE-2", "RFA-1", "L1", "CP.USAR-HEAVY", 3));
        await other.SendAsync("LT", MessageKind.OfferDecision, ["SE"], ActivationScript.Decision("SE-2", OfferDecisionKind.Accept));
        await other.SendAsync("SE", MessageKind.Commitment, ["LT"], ActivationScript.Commitment("SE-2"));
    }

    [Fact]
    public async Task Two_concurrent_activations_run_independently_and_compete_for_one_declared_inventory()
    {
        var first = new ActivationScript(mesh, "A42-2026-0201");
        var second = new ActivationScript(mesh, "A42-2026-0202");
        await Task.WhenAll(first.SendAsync("PL", MessageKind.Invocation, AllStates), second.SendAsync("RO", MessageKind.Invocation, AllStates));
        await first.SendAsync("PL", MessageKind.Rfa, AllStates, ActivationScript.Rfa("RFA-1", ("L1", "MED.EMT2", 2)));
        await second.SendAsync("RO", MessageKind.Rfa, AllStates, ActivationScript.Rfa("RFA-1", ("L1", "MED.EMT2", 2)));
        await first.SendAsync("CZ", MessageKind.InventoryDeclaration, ["ERCC"], ActivationScript.Inventory("MED.EMT2", 3), e => e with { ActivationId = null });

        await first.SendAsync("CZ", MessageKind.Offer, ["PL"], ActivationScript.Offer("CZ-A", "RFA-1", "L1", "MED.EMT2", 2));
        await second.SendAsync("CZ", MessageKind.Offer, ["RO"], ActivationScript.Offer("CZ-B", "RFA-1", "L1", "MED.EMT2", 2));
        await first.SendAsync("PL", MessageKind.OfferDecision, ["CZ"], ActivationScript.Decision("CZ-A", OfferDecisionKind.Accept));
        await second.SendAsync("RO", MessageKind.OfferDecision, ["CZ"], ActivationScript.Decision("CZ-B", OfferDecisionKind.Accept));
        await first.SendAsync("CZ", MessageKind.Commitment, ["PL"], ActivationScript.Commitment("CZ-A"));
        var sentence = await second.RefusedAsync(ErrorCodes.InventoryExceeded, "CZ", MessageKind.Commitment, ["RO"], ActivationScript.Commitment("CZ-B"));
        Assert.Contains("declared 3 of MED.EMT2 and has 2 committed already", sentence, StringComparison.Ordinal);

        Assert.Equal(ActivationState.AssistanceActive, (await first.SummaryAsync()).State);
        var competing = await second.SummaryAsync();
        Assert.Equal(ActivationState.Requesting, competing.State);
        Assert.Equal("RO", competing.Invoker);
        Assert.Equal(OfferState.Accepted, competing.Offers.Single().State);
    }

    [Fact]
    public async Task Precedence_inflation_and_the_security_high_water_mark_are_recorded_for_the_report()
    {
        var script = new ActivationScript(mesh, "A42-2026-0105");
        await script.SendAsync("HR", MessageKind.Invocation, AllStates);
        await script.SendAsync("HR", MessageKind.Sitrep, AllStates, change: e => e with { PrecedenceAction = Precedence.Flash, Label = e.Label with { Level = Classification.RestreintUe } });
        var summary = await script.SummaryAsync();
        Assert.Equal(1, summary.PrecedenceInflation[MessageKind.Sitrep]);
        Assert.False(summary.PrecedenceInflation.ContainsKey(MessageKind.Invocation));
        Assert.Equal(Classification.RestreintUe, summary.HighWaterMark);
    }

    private static (RfaLineState State, int Accepted) Line(ActivationSummary summary) =>
        summary.Lines.Single() is var line ? (line.State, line.Accepted) : default;
}
