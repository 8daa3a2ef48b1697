namespace Article42.Mesh.Grains;

/// <summary>Where a message sits in an inbox: its sequence and the precedence that orders it for this addressee.</summary>
internal sealed record ReceivedRecord(string From, long Sequence, Precedence Precedence);
