namespace Article42.Mesh.Exercises;

/// <summary>Everything the report judges, on the scenario clock (times in seconds after STARTEX), in a stable order.</summary>
public sealed record ReportFigures(
    ExerciseFigure Exercise,
    ImmutableArray<AckFigure> Acknowledgements,
    ImmutableArray<ActivationFigure> Activations,
    ImmutableArray<RfaFigure> Rfas,
    ImmutableArray<OfferFigure> Offers,
    ImmutableArray<RfiFigure> Rfis,
    ImmutableArray<DeadLetterFigure> DeadLetters,
    ImmutableArray<RefusalFigure> Refusals,
    ImmutableArray<InjectFigure> Injects,
    ImmutableArray<ObjectiveFigure> Objectives,
    ImmutableArray<InflationFigure> PrecedenceInflation,
    int Escalations,
    ParticipationFigure Participation,
    ImmutableArray<TimelineEntry> Timeline,
    ImmutableArray<Gap> Gaps,
    ImmutableSortedDictionary<string, bool> TimingDependent,
    ReminderFigure Reminders)
{
    /// <summary>True when the figure of that report.json name depends on the mesh's timing (<see cref="FigureTiming"/>).</summary>
    public bool DependsOnTiming(string figure) => TimingDependent.GetValueOrDefault(figure);

    /// <summary>Each window of a degraded link that messages crossed (<see cref="LinkJudge"/>), by participant then start.</summary>
    public ImmutableArray<DegradedLinkFigure> DegradedLinks { get; init; } = [];
}
