namespace Article42.Mesh.Exercises.Tests;

/// <summary>The small scenario's report, checked against figures worked out by hand from <see cref="HandObservations"/>.</summary>
public sealed class ReportFigureTests
{
    private static readonly Scenario Small = ScenarioLoader.Parse(TestScenarios.Small, "small.yaml");
    private static readonly ReportFigures Figures = ExerciseReport.Create(Small, SimulationPlan.Create(Small, 7), HandObservations.Create()).Figures;

    [Fact]
    public void Acknowledgement_latencies_are_judged_per_state_and_precedence_against_the_receipt_slo()
    {
        var de = Figures.Acknowledgements.Single(a => a.Participant == "DE" && a.Precedence == Precedence.Flash);
        Assert.Equal((1, 1, 1, 300L, 600L), (de.Owed, de.Received, de.OnTime, de.MedianSeconds!.Value, de.SloSeconds));
        var plFlash = Figures.Acknowledgements.Single(a => a.Participant == "PL" && a.Precedence == Precedence.Flash);
        Assert.Equal((1, 1, 0, 900L), (plFlash.Owed, plFlash.Received, plFlash.OnTime, plFlash.MaxSeconds!.Value));
        var plImmediate = Figures.Acknowledgements.Single(a => a.Participant == "PL" && a.Precedence == Precedence.Immediate);
        Assert.Equal((2, 2, 2, 300L, 600L), (plImmediate.Owed, plImmediate.Received, plImmediate.OnTime, plImmediate.MedianSeconds!.Value, plImmediate.MaxSeconds!.Value));
        var hu = Figures.Acknowledgements.Where(a => a.Participant == "HU").ToDictionary(a => a.Precedence);
        Assert.Equal(["M02"], hu[Precedence.Flash].Missed);
        Assert.Equal(["M03"], hu[Precedence.Immediate].Missed);
        // The RFI's PRIORITY receipt is not yet due at ENDEX (3 h SLO): owed, not missed.
        Assert.Equal((1, 0), (hu[Precedence.Priority].Owed, hu[Precedence.Priority].Missed.Length));
    }

    [Fact]
    public void Escalations_count_every_missing_or_late_receipt_at_50_and_100_percent_of_its_slo()
    {
        // HU: M02 and M03 missing past both thresholds (4); PL: M02 after 15 min against 10 (2); nothing else.
        Assert.Equal(6, Figures.Escalations);
    }

    [Fact]
    public void The_invocation_is_not_acknowledged_by_all_while_HU_is_silent()
    {
        var activation = Assert.Single(Figures.Activations);
        Assert.Equal(600, activation.InvokedAtSeconds);
        Assert.Null(activation.AllAcknowledgedSeconds);
        Assert.Equal(["HU"], activation.NotAcknowledged);
        Assert.Equal([new ParticipantTime("DE", 400), new ParticipantTime("PL", 1000)], activation.Acknowledgements);
        Assert.Equal(600, activation.FirstSolidaritySeconds);
    }

    [Fact]
    public void Rfa_coverage_decision_latency_and_commitment_follow_the_ledger()
    {
        var rfa = Assert.Single(Figures.Rfas);
        Assert.Equal((1800L, 600L), (rfa.PublishedSeconds, rfa.FirstOfferSeconds!.Value));
        Assert.Null(rfa.FullyCoveredSeconds);
        Assert.Equal(0.6667m, rfa.CoverageAtEndex);
        Assert.Equal([new CoveragePoint(1800, 0m), new CoveragePoint(3600, 0.6667m)], rfa.Coverage);
        Assert.Equal(new RfaLineFigure("L1", "MIL.AIR.C-UAS", 2, 2, 2, RfaLineState.Covered), rfa.Lines[0]);
        Assert.Equal(new RfaLineFigure("L2", "MED.EMT2", 1, 0, 0, RfaLineState.Open), rfa.Lines[1]);
        var offer = Assert.Single(Figures.Offers);
        Assert.Equal((OfferDecisionKind.Accept, 2, 1200L, 2400L), (offer.Decision!.Value, offer.Accepted, offer.DecisionLatencySeconds!.Value, offer.CommitLatencySeconds!.Value));
    }

    [Fact]
    public void Rfis_dead_letters_and_participation_are_counted()
    {
        Assert.Equal([new RfiFigure("M04", "LT", "DE", 2400, 1800), new RfiFigure("M04", "LT", "HU", 2400, null)], Figures.Rfis);
        var letter = Assert.Single(Figures.DeadLetters);
        Assert.Equal(("M04", "HU", NonDeliveryReason.Expired), (letter.Ref, letter.Recipient, letter.Reason!.Value));
        Assert.Equal((4, 3, 0.75m), (Figures.Participation.Players, Figures.Participation.Responding, Figures.Participation.Rate));
        Assert.Equal(["HU"], Figures.Participation.Silent);
        Assert.Empty(Figures.PrecedenceInflation);
    }

    [Fact]
    public void Expectations_score_per_actor_and_objectives_take_an_hseep_rating()
    {
        var expectations = Figures.Injects.SelectMany(i => i.Expectations).ToDictionary(e => e.Id);
        Assert.Equal(20m, expectations["M01.a"].Earned);
        Assert.Equal([new ActorResult("DE", 400, true), new ActorResult("HU", null, false), new ActorResult("PL", 1000, false)], expectations["M02.a"].Actors);
        Assert.Equal(10m, expectations["M02.a"].Earned);
        Assert.Equal(10m, expectations["M03.a"].Earned);
        Assert.Equal((33.3m, HseepRating.U), (Figures.Objectives[0].Percent, Figures.Objectives[0].Rating));
        Assert.Equal((100m, HseepRating.P), (Figures.Objectives[1].Percent, Figures.Objectives[1].Rating));
    }

    [Fact]
    public void The_gaps_name_states_lines_and_deadlines_in_a_stable_order()
    {
        Assert.Equal(
        [
            ("G01", GapKind.ReceiptMissing, "HU", (long?)1200),
            ("G02", GapKind.ReceiptLate, "PL", 1200),
            ("G03", GapKind.InvocationNotAcknowledged, "A42-2026-0101", 1200),
            ("G04", GapKind.LineUncovered, "RFA-1/L2", 7200),
            ("G05", GapKind.RfiUnanswered, "M04", 7200),
            ("G06", GapKind.DeadLetter, "M04", 2400),
            ("G07", GapKind.ExpectationMissed, "M02.a", 1500),
        ], Figures.Gaps.Select(g => (g.Id, g.Kind, g.Subject, g.DeadlineSeconds)));
        Assert.Equal("HU sent no receipt for 2 of 3 messages that asked for one: M02 INVOCATION (FLASH, due T+00:20); M03 RFA (IMMEDIATE, due T+01:00)", Figures.Gaps[0].Text);
        Assert.Contains("RFA-1/L2 MED.EMT2: 0 of 1 accepted and 0 committed at ENDEX T+02:00; nobody offered it", Figures.Gaps[3].Text, StringComparison.Ordinal);
        Assert.Contains("HU never sent INVOCATION_ACK; late: PL after 00:16:40", Figures.Gaps[6].Text, StringComparison.Ordinal);
    }
}
