namespace Article42.Mesh.Exercises;

/// <summary>One RFA line at ENDEX: requested, accepted by the invoker, committed by offerers.</summary>
public sealed record RfaLineFigure(string LineId, string CategoryCode, int Requested, int Accepted, int Committed, RfaLineState State);
