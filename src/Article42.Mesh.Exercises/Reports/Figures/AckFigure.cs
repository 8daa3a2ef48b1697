namespace Article42.Mesh.Exercises;

/// <summary>
/// Receipts (RN) one participant owed at one precedence: how many, how many came, how many within the SLO
/// (docs/design/domain.md §8.5, judged on the scenario clock), and the median and worst latency of those that came.
/// </summary>
public sealed record AckFigure(
    string Participant,
    Precedence Precedence,
    int Owed,
    int Received,
    int OnTime,
    long? MedianSeconds,
    long? MaxSeconds,
    long SloSeconds,
    ImmutableArray<string> Missed);
