namespace Article42.Mesh.Exercises;

/// <summary>One RFI to one addressee and its turnaround; null when unanswered at ENDEX.</summary>
public sealed record RfiFigure(string Ref, string From, string To, long AskedSeconds, long? TurnaroundSeconds);
