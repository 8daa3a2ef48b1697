using HdrHistogram;

namespace Article42.Mesh.Load.Measuring;

/// <summary>End-to-end latencies in microseconds, one HdrHistogram per precedence (3 significant digits, up to an hour).</summary>
public sealed class LatencyByPrecedence
{
    private const long HighestMicroseconds = 3_600_000_000;
    private readonly LongConcurrentHistogram[] _histograms =
        [.. Enumerable.Range(0, (int)Precedence.Override + 1).Select(_ => new LongConcurrentHistogram(1, HighestMicroseconds, 3))];

    public void Record(Precedence precedence, long microseconds) =>
        _histograms[(int)precedence].RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));

    public void Reset()
    {
        foreach (var histogram in _histograms)
            histogram.Reset();
    }

    /// <summary>The percentiles of every precedence that recorded something, highest precedence first.</summary>
    public IReadOnlyList<LatencyFigures> Figures() =>
        [.. _histograms.Select((h, p) => (Histogram: h, Precedence: (Precedence)p))
            .Where(x => x.Histogram.TotalCount > 0)
            .OrderByDescending(x => x.Precedence)
            .Select(x => LatencyFigures.Of(x.Precedence, x.Histogram))];
}
