namespace Article42.Mesh.Exercises;

/// <summary>Which exercise, how it was played and how much traffic it made.</summary>
public sealed record ExerciseFigure(
    string Id,
    string Name,
    string Source,
    MessageMode Mode,
    IncidentType Threat,
    int Seed,
    int Compression,
    long EndexSeconds,
    int Players,
    int MessagesSent,
    int MessagesRefused,
    ImmutableArray<string> Activations);
