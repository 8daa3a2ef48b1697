namespace Article42.Mesh.Grains.Tests;

/// <summary>Every rule a participant could break in an activation, tried, refused with its code, and nothing stored.</summary>
public sealed class ActivationRuleTests(DeliveryFixture mesh) : IClassFixture<DeliveryFixture>
{
    private static readonly string[] AllStates = [ParticipantGroups.AllMemberStates];

    [Fact]
    public async Task Messages_about_an_activation_that_was_never_invoked_are_refused()
    {
        var script = new ActivationScript(mesh, "A42-2026-0301");
        var sentence = await script.RefusedAsync(ErrorCodes.ActivationUnknown, "FR", MessageKind.Sitrep, AllStates);
        Assert.Contains("A42-2026-0301 was never invoked", sentence, StringComparison.Ordinal);
        await script.RefusedAsync(ErrorCodes.ActivationUnknown, "DE", MessageKind.Offer, ["FR"], ActivationScript.Offer("X-1", null, null, "MED.EMT2", 1));
    }

    [Fact]
    public async Task Only_a_member_state_invokes_only_the_invoker_invokes_again_and_only_to_extend_the_legal_basis()
    {
        var script = new ActivationScript(mesh, "A42-2026-0302");
        await script.RefusedAsync(ErrorCodes.WrongSenderKind, "EEAS", MessageKind.Invocation, AllStates);
        await script.SendAsync("CY", MessageKind.Invocation, AllStates);
        await script.RefusedAsync(ErrorCodes.NotInvoker, "EL", MessageKind.Invocation, AllStates);
        await script.RefusedAsync(ErrorCodes.ActivationExists, "CY", MessageKind.Invocation, AllStates);
        var extension = new InvocationBody
        {
            LegalBasis = LegalBasis.Both,
            IncidentType = IncidentType.Hybrid,
            IncidentStart = DateTimeOffset.UtcNow,
            AffectedTerritory = "CY",
            Summary = "Extending to the solidarity clause.",
        };
        await script.SendAsync("CY", MessageKind.Invocation, AllStates, extension);
        Assert.Equal(LegalBasis.Both, (await script.SummaryAsync()).LegalBasis);
        await script.RefusedAsync(ErrorCodes.WrongSenderKind, "CY", MessageKind.InvocationAck, ["EL"]);
    }

    [Fact]
    public async Task Requests_decisions_termination_belong_to_the_invoker_and_offers_to_the_others()
    {
        var script = new ActivationScript(mesh, "A42-2026-0303");
        await script.SendAsync("FI", MessageKind.Invocation, AllStates);
        var rfa = ActivationScript.Rfa("RFA-1", ("L1", "MIL.AIR", 2));
        await script.RefusedAsync(ErrorCodes.NotInvoker, "SE", MessageKind.Rfa, AllStates, rfa);
        await script.SendAsync("FI", MessageKind.Rfa, AllStates, rfa);
        await script.RefusedAsync(ErrorCodes.DuplicateId, "FI", MessageKind.Rfa, AllStates, rfa);
        await script.RefusedAsync(ErrorCodes.RfaUnknown, "FI", MessageKind.RfaCancel, AllStates, new RfaCancelBody { RfaId = "RFA-9", Reason = "Wrong id." });
        await script.RefusedAsync(ErrorCodes.RfaUnknown, "FI", MessageKind.RfaCancel, AllStates, new RfaCancelBody { RfaId = "RFA-1", LineIds = ["L9"], Reason = "Wrong line." });
        await script.RefusedAsync(ErrorCodes.WrongSenderKind, "FI", MessageKind.Offer, ["SE"], ActivationScript.Offer("FI-1", "RFA-1", "L1", "MIL.AIR", 1));
        await script.RefusedAsync(ErrorCodes.RfaUnknown, "SE", MessageKind.Offer, ["FI"], ActivationScript.Offer("SE-1", "RFA-1", "L7", "MIL.AIR", 1));
        await script.SendAsync("SE", MessageKind.Offer, ["FI"], ActivationScript.Offer("SE-1", "RFA-1", "L1", "MIL.AIR", 2));
        await script.RefusedAsync(ErrorCodes.DuplicateId, "NL", MessageKind.Offer, ["FI"], ActivationScript.Offer("SE-1", null, null, "MIL.AIR", 2));
        await script.SendAsync("NL", MessageKind.Offer, ["EEAS"], ActivationScript.Offer("NL-1", null, null, "MIL.AIR", 1));

        await script.RefusedAsync(ErrorCodes.NotInvoker, "SE", MessageKind.OfferDecision, ["FI"], ActivationScript.Decision("SE-1", OfferDecisionKind.Accept));
        await script.RefusedAsync(ErrorCodes.OfferUnknown, "FI", MessageKind.OfferDecision, ["NL"], ActivationScript.Decision("NL-1", OfferDecisionKind.Accept));
        await script.RefusedAsync(ErrorCodes.QuantityExceeded, "FI", MessageKind.OfferDecision, ["SE"], ActivationScript.Decision("SE-1", OfferDecisionKind.Partial, 3));
        await script.RefusedAsync(ErrorCodes.OfferStateForbids, "SE", MessageKind.Commitment, ["FI"], ActivationScript.Commitment("SE-1"));
        await script.SendAsync("FI", MessageKind.OfferDecision, ["SE"], ActivationScript.Decision("SE-1", OfferDecisionKind.Accept));
        await script.RefusedAsync(ErrorCodes.OfferStateForbids, "FI", MessageKind.OfferDecision, ["SE"], ActivationScript.Decision("SE-1", OfferDecisionKind.Decline));
        await script.RefusedAsync(ErrorCodes.NotOfferer, "NL", MessageKind.Commitment, ["FI"], ActivationScript.Commitment("SE-1"));
        await script.RefusedAsync(ErrorCodes.InventoryExceeded, "SE", MessageKind.Commitment, ["FI"], ActivationScript.Commitment("SE-1"));
        await script.RefusedAsync(ErrorCodes.NotOfferer, "NL", MessageKind.OfferWithdraw, ["FI"], new OfferWithdrawBody { OfferId = "SE-1", Reason = "Not mine." });

        await script.RefusedAsync(ErrorCodes.NotInvoker, "SE", MessageKind.Termination, AllStates);
        await script.RefusedAsync(ErrorCodes.StateForbids, "FI", MessageKind.CloseoutReport, AllStates);
    }

    [Fact]
    public async Task Political_decisions_and_coordination_come_from_their_bodies_and_modes_do_not_mix()
    {
        var script = new ActivationScript(mesh, "A42-2026-0304");
        await script.SendAsync("BG", MessageKind.Invocation, AllStates);
        await script.RefusedAsync(ErrorCodes.WrongSenderKind, "DE", MessageKind.PoliticalDecision, AllStates);
        await script.SendAsync("PSC", MessageKind.PoliticalDecision, AllStates);
        await script.RefusedAsync(ErrorCodes.WrongSenderKind, "IT", MessageKind.CoordinationNote, AllStates);
        await script.SendAsync("EEAS", MessageKind.CoordinationNote, AllStates);
        await script.RefusedAsync(ErrorCodes.WrongSenderKind, "IT", MessageKind.MatchProposal, ["BG"]);
        await script.RefusedAsync(ErrorCodes.ModeMismatch, "IT", MessageKind.Sitrep, ["BG"],
            change: e => e with { Mode = MessageMode.Exercise, ExerciseId = "EX-1", Handling = [EnvelopeValidator.ExerciseHandlingMark] });
    }

    [Fact]
    public async Task A_refused_message_stores_nothing_under_its_id_and_the_refusal_names_the_rule_and_the_state()
    {
        var script = new ActivationScript(mesh, "A42-2026-0305");
        await script.SendAsync("SK", MessageKind.Invocation, AllStates);
        var outcome = await script.SubmitAsync("AT", MessageKind.Termination, AllStates);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(ErrorCodes.NotInvoker, error.Code);
        Assert.Contains("only the invoking state SK may send TERMINATION", error.Message, StringComparison.Ordinal);
        Assert.Contains("(activation state INVOKED)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await mesh.Journal.CountQueuedAsync("out/AT/SK"));
    }
}
