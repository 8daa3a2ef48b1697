namespace Article42.Mesh.Exercises;

/// <summary>A recipient's copy the mesh dead-lettered, and why.</summary>
public sealed record DeadLetterFigure(string Ref, MessageKind Kind, string From, string Recipient, NonDeliveryReason? Reason, Classification Label, long SentSeconds);
