namespace Article42.Mesh.Exercises;

/// <summary>A submit the mesh refused, with its code and sentence.</summary>
public sealed record RefusalFigure(string Ref, MessageKind Kind, string From, string Code, string Message, long Seconds);
