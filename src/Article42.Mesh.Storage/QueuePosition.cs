namespace Article42.Mesh.Storage;

/// <summary>A place in fetch order: precedence descending, then sequence ascending.</summary>
public readonly record struct QueuePosition(int Precedence, long Sequence);
