namespace Article42.Mesh.Exercises;

/// <summary>Computes the figures: a pure function of the scenario, the seed and the observed scenario-time facts.</summary>
internal sealed class FigureBuilder(Scenario scenario, int seed, ExerciseEngine engine, ExerciseObservations observations)
{
    public ReportFigures Build()
    {
        var index = new ObservationIndex(scenario, observations);
        var gaps = new GapList();
        var (acks, escalations) = AckJudge.Judge(index, gaps);
        var activations = ActivationJudge.Judge(index, gaps);
        var (rfas, offers) = RfaJudge.Judge(index, gaps);
        var rfis = DeliveryJudge.Rfis(index, gaps);
        var deadLetters = DeliveryJudge.DeadLetters(index, gaps);
        var refusals = DeliveryJudge.Refusals(index, gaps);
        var injects = InjectJudge.Injects(index, gaps);
        CommunicationsJudge.Judge(index, gaps);
        var links = LinkJudge.Judge(index, seed, gaps);
        var objectives = InjectJudge.Objectives(scenario, injects);
        return new ReportFigures(Exercise(index), acks, activations, rfas, offers, rfis, deadLetters, refusals, injects, objectives,
            Inflation(index), escalations, Participation(index), Timeline(index), gaps.Numbered(), FigureTiming.Of(engine),
            ReminderJudge.Judge(index))
        {
            DegradedLinks = links,
        };
    }

    private ExerciseFigure Exercise(ObservationIndex index) => new(
        scenario.Id, scenario.Name, scenario.Source, scenario.Mode, scenario.Threat, seed, scenario.Compression, index.Endex,
        scenario.Participants.Length, index.Accepted.Length, observations.Messages.Count(m => !m.Accepted), [.. scenario.Activations.Select(a => a.Id)]);

    private static ImmutableArray<InflationFigure> Inflation(ObservationIndex index) =>
    [
        .. index.Accepted.Where(m => m.Precedence >= Precedence.Flash && MessageCatalogue.Of(m.Kind).DefaultPrecedence < Precedence.Flash)
            .GroupBy(m => (m.Kind, m.Precedence)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Precedence)
            .Select(g => new InflationFigure(g.Key.Kind, g.Key.Precedence, g.Count())),
    ];

    private ParticipationFigure Participation(ObservationIndex index)
    {
        var senders = index.Accepted.Select(m => m.From).ToHashSet(StringComparer.Ordinal);
        var silent = scenario.Participants.Select(p => p.Id).Where(id => !senders.Contains(id)).ToImmutableArray();
        var players = scenario.Participants.Length;
        var responding = players - silent.Length;
        return new ParticipationFigure(players, responding, players == 0 ? 0m : Math.Round((decimal)responding / players, 4), silent);
    }

    private static ImmutableArray<TimelineEntry> Timeline(ObservationIndex index) =>
        [.. index.Accepted.Select(m => new TimelineEntry(ObservationIndex.Seconds(m.Scenario), m.From, m.Kind, m.Ref, m.Precedence))];
}
