namespace Article42.Mesh.Exercises;

/// <summary>This run's wall-clock facts: where, when, how long, and the real latencies of the mesh.</summary>
public sealed record ReportRun(
    string Host,
    string MeshProfile,
    DateTimeOffset StartexUtc,
    DateTimeOffset EndexUtc,
    double WallSeconds,
    int Submitted,
    int Delivered,
    int NotDelivered,
    int MeshEscalations,
    ImmutableArray<LatencyFigure> Delivery,
    ImmutableArray<LatencyFigure> Receipt);
