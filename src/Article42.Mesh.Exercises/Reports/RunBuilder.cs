namespace Article42.Mesh.Exercises;

/// <summary>
/// The run's wall-clock facts. Delivery latencies are judged against the delivery SLO as it stands (transport is
/// real); receipt latencies against the receipt SLO divided by the compression (the people are simulated on the
/// compressed clock).
/// </summary>
internal static class RunBuilder
{
    public static ReportRun Build(Scenario scenario, ExerciseObservations observations)
    {
        var byRef = observations.Messages.GroupBy(m => m.Ref, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var delivered = observations.Deliveries.Where(d => d.Event == DeliveryEvent.Delivered && byRef.ContainsKey(d.MessageRef))
            .Select(d => (byRef[d.MessageRef].Precedence, Ms: (d.Utc - byRef[d.MessageRef].Utc).TotalMilliseconds)).ToList();
        var receipts = observations.Messages.Where(m => m.Accepted && m.Kind == MessageKind.Receipt && m.InReplyToRef is not null && byRef.ContainsKey(m.InReplyToRef))
            .Select(m => (byRef[m.InReplyToRef!].Precedence, Ms: (m.Utc - byRef[m.InReplyToRef!].Utc).TotalMilliseconds)).ToList();
        return new ReportRun(
            observations.Host, observations.MeshProfile, observations.StartexUtc, observations.EndexUtc,
            Math.Round((observations.EndexUtc - observations.StartexUtc).TotalSeconds, 3),
            observations.Messages.Length, delivered.Count,
            observations.Deliveries.Count(d => d.Event == DeliveryEvent.NotDelivered),
            observations.Deliveries.Count(d => d.Event == DeliveryEvent.Escalated),
            Latencies(delivered, p => PrecedenceSlo.For(p).Delivery?.TotalMilliseconds),
            Latencies(receipts, p => PrecedenceSlo.For(p).Receipt?.TotalMilliseconds / scenario.Compression));
    }

    private static ImmutableArray<LatencyFigure> Latencies(List<(Precedence Precedence, double Ms)> samples, Func<Precedence, double?> slo) =>
    [
        .. samples.GroupBy(s => s.Precedence).OrderByDescending(g => g.Key).Select(g =>
        {
            var sorted = g.Select(s => s.Ms).Order().ToList();
            return new LatencyFigure(g.Key, sorted.Count, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), Math.Round(sorted[^1], 3), slo(g.Key));
        }),
    ];

    /// <summary>Nearest-rank percentile.</summary>
    private static double Rank(List<double> sorted, double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 3);
}
