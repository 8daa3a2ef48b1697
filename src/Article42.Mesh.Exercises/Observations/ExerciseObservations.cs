namespace Article42.Mesh.Exercises;

/// <summary>
/// What a runner saw of one exercise run, the input of the after-action report. Every fact carries two clocks:
/// the scenario clock (<c>Scenario</c>, an offset from STARTEX) and real UTC (<c>Utc</c>). The report's figures
/// use only the scenario clock; its run section only UTC.
/// </summary>
/// <remarks>
/// For identical figures across runs, stamp a planned action's message with the action's planned offset
/// (<see cref="PlannedAction.At"/>) when it was performed on time, and with the scenario clock's reading when
/// it had to wait for its trigger. Deliveries and reports are stamped with the scenario clock's reading.
/// </remarks>
public sealed record ExerciseObservations
{
    public required string ExerciseId { get; init; }
    public required int Seed { get; init; }
    public DateTimeOffset StartexUtc { get; init; }
    public DateTimeOffset EndexUtc { get; init; }
    /// <summary>The machine the run was on, and the mesh profile (embedded, cluster).</summary>
    public string Host { get; init; } = "";
    public string MeshProfile { get; init; } = "";
    /// <summary>Every message the simulated gateways submitted, accepted or refused.</summary>
    public ImmutableArray<ObservedMessage> Messages { get; init; } = [];
    /// <summary>Per-recipient delivery facts from the senders' report feeds (DR, NDR, escalations).</summary>
    public ImmutableArray<ObservedDelivery> Deliveries { get; init; } = [];
    /// <summary>The activations' own summaries read at ENDEX (the mesh's ledger of lines and offers), if the runner could read them.</summary>
    public ImmutableArray<ActivationSummary> Activations { get; init; } = [];
}
