namespace Article42.Mesh.Exercises;

/// <summary>Real latencies at one precedence in milliseconds, with the SLO scaled to the run's clock (SLO ÷ compression for receipts).</summary>
public sealed record LatencyFigure(Precedence Precedence, int Count, double P50, double P95, double P99, double Max, double? SloMilliseconds);
