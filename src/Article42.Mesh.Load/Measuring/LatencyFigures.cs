using HdrHistogram;

namespace Article42.Mesh.Load.Measuring;

/// <summary>One precedence's end-to-end latency percentiles, in milliseconds.</summary>
public sealed record LatencyFigures(Precedence Precedence, long Count, double P50, double P90, double P99, double P999, double Max)
{
    public static LatencyFigures Of(Precedence precedence, HistogramBase histogram) => new(
        precedence,
        histogram.TotalCount,
        Milliseconds(histogram.GetValueAtPercentile(50)),
        Milliseconds(histogram.GetValueAtPercentile(90)),
        Milliseconds(histogram.GetValueAtPercentile(99)),
        Milliseconds(histogram.GetValueAtPercentile(99.9)),
        Milliseconds(histogram.GetMaxValue()));

    public string Name => EnvelopeCodec.WireName(Precedence);

    private static double Milliseconds(long microseconds) => Math.Round(microseconds / 1000.0, 3);
}
