namespace Article42.Mesh.Exercises;

/// <summary>
/// A tabletop exercise as loaded from its YAML file: who plays and how the simulated ones behave, the master
/// scenario events list (MSEL), what is expected of the players and the objectives it is judged on.
/// All times are offsets on the scenario clock from STARTEX (T+0).
/// </summary>
public sealed record Scenario
{
    /// <summary>The exercise id every envelope carries (<c>exercise_id</c>).</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Where the scenario came from (file name or shipped name), used in messages.</summary>
    public required string Source { get; init; }
    public MessageMode Mode { get; init; } = MessageMode.Exercise;
    /// <summary>Scenario seconds per real second: 60 plays an hour of scenario in a real minute.</summary>
    public int Compression { get; init; } = 60;
    /// <summary>The scenario's date-time at T+0, written into INJECT <c>simulated_time</c> fields.</summary>
    public DateTimeOffset SimulatedStart { get; init; }
    /// <summary>When EXCON ends the exercise (ENDEX), as an offset.</summary>
    public TimeSpan Endex { get; init; }
    public IncidentType Threat { get; init; }
    public ImmutableArray<ScenarioActivation> Activations { get; init; } = [];
    /// <summary>Every playing participant with its resolved behaviour, in registry order.</summary>
    public ImmutableArray<ScenarioParticipant> Participants { get; init; } = [];
    /// <summary>The MSEL in playing order (by offset, then by position in the file).</summary>
    public ImmutableArray<Inject> Msel { get; init; } = [];
    public ImmutableArray<Objective> Objectives { get; init; } = [];
    /// <summary>The registry the scenario was checked against; groups expand by it.</summary>
    public ParticipantRegistry Registry { get; init; } = ParticipantRegistry.Default;

    /// <summary>The real time the whole scenario takes at its compression.</summary>
    public TimeSpan RealDuration => Endex / Compression;

    /// <summary>The participant of an id, or null when it does not play.</summary>
    public ScenarioParticipant? Participant(string id) => Participants.FirstOrDefault(p => p.Id == id);

    /// <summary>True when the participant plays (has a simulated gateway).</summary>
    public bool Plays(string id) => Participants.Any(p => p.Id == id);

    /// <summary>Every expectation of every inject, in MSEL order.</summary>
    public IEnumerable<Expectation> Expectations => Msel.SelectMany(inject => inject.Expectations);
}
