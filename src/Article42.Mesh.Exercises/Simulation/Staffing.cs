namespace Article42.Mesh.Exercises;

/// <summary>
/// Each participant's desk with <see cref="Behaviour.Staff"/> people: a message is taken up by whoever is free first
/// and keeps that person busy for the participant's reaction time; when all are busy it waits. Arrivals are met in
/// the engine's order, so the same arrivals give the same waits.
/// </summary>
internal sealed class Staffing
{
    private readonly Dictionary<string, List<TimeSpan>> _freeAt = new(StringComparer.Ordinal);

    /// <summary>When the message that became workable at <paramref name="at"/> is taken up, booking its handler for <paramref name="handling"/>.</summary>
    public TimeSpan TakeUp(ScenarioParticipant participant, TimeSpan at, TimeSpan handling)
    {
        if (participant.Behaviour.Staff is not { } staff)
            return at;
        if (!_freeAt.TryGetValue(participant.Id, out var desks))
            _freeAt[participant.Id] = desks = [.. Enumerable.Repeat(TimeSpan.Zero, staff)];
        var first = desks.IndexOf(desks.Min());
        var start = desks[first] > at ? desks[first] : at;
        desks[first] = start + handling;
        return start;
    }
}
