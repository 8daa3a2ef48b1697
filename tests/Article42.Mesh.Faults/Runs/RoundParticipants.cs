namespace Article42.Mesh.Faults.Runs;

/// <summary>
/// The participants of each round of a run: three per round, never two rounds the same, so that no round reads
/// another's traffic (a fresh client is served its participant's whole inbox and every delivery report from the start,
/// and the checker rightly counts what an earlier round left there). Member states first, then bench participants.
/// </summary>
public sealed class RoundParticipants(ParticipantRegistry registry)
{
    public const int PerRound = 3;

    private readonly IReadOnlyList<string[]> _trios =
    [
        .. registry.MemberStates.Chunk(PerRound).Where(t => t.Length == PerRound),
        .. registry.Participants.Where(BenchParticipants.Is).Select(p => p.Id).Chunk(PerRound).Where(t => t.Length == PerRound),
    ];

    /// <summary>How many rounds have participants of their own.</summary>
    public int Rounds => _trios.Count;

    /// <summary>The participants of <paramref name="round"/> (0-based); none beyond <see cref="Rounds"/>, rather than an earlier round's.</summary>
    public IReadOnlyList<string> For(int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(round, Rounds);
        return _trios[round];
    }
}
