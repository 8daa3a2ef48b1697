namespace Article42.Mesh.Grains;

/// <summary>A message an activation refused: kept for the after-action report, not indexed under the message id (nothing of it is stored).</summary>
internal sealed record RefusalRecord(string From, MessageKind Kind, string Code, string Message);
