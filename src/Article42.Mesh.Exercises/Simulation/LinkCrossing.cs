namespace Article42.Mesh.Exercises;

/// <summary>
/// One message crossing a participant's degraded link (<see cref="Behaviour.Degraded"/>): the window it crossed in and
/// whether the crossing was lost and resent. The loss is drawn from the seed keyed ("link", participant, message ref),
/// so the same arrivals give the same crossings, and the report finds the same ones the players lived through.
/// </summary>
internal sealed record LinkCrossing(DegradedWindow Window, bool Lost)
{
    /// <summary>How much later than <c>at</c> the message is through the link.</summary>
    public TimeSpan Cost => Window.Cost(Lost);

    /// <summary>The crossing of <paramref name="messageRef"/> through <paramref name="participant"/>'s link at <paramref name="at"/>; null when the link is not degraded then.</summary>
    public static LinkCrossing? At(Behaviour behaviour, int seed, string participant, string messageRef, TimeSpan at) =>
        behaviour.Degraded.FirstOrDefault(w => w.Contains(at)) is { } window
            ? new LinkCrossing(window, window.Loss > 0 && DeterministicRandom.Unit(seed, "link", participant, messageRef) < window.Loss)
            : null;
}
