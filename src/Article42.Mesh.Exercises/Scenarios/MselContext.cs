namespace Article42.Mesh.Exercises;

/// <summary>What the MSEL reader needs from the rest of the scenario.</summary>
internal sealed record MselContext(
    ParticipantRegistry Registry,
    ImmutableArray<ScenarioParticipant> Participants,
    ImmutableArray<ScenarioActivation> Activations,
    MessageMode Mode,
    string ExerciseId,
    DateTimeOffset SimulatedStart,
    TimeSpan Endex)
{
    public bool Plays(string id) => Participants.Any(p => p.Id == id);

    /// <summary>Groups expanded to the playing participants, without the sender.</summary>
    public ImmutableArray<string> Players(IEnumerable<string> addressees, string sender) =>
        [.. Registry.Expand(addressees, sender).Where(Plays)];

    /// <summary>A scenario built only far enough to check envelopes with <see cref="ExerciseEnvelope"/>.</summary>
    public Scenario Probe { get; } = new()
    {
        Id = ExerciseId,
        Name = ExerciseId,
        Source = ExerciseId,
        Mode = Mode,
        SimulatedStart = SimulatedStart,
        Endex = Endex,
    };
}
