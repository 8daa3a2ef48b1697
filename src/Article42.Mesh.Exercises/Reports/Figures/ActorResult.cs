namespace Article42.Mesh.Exercises;

/// <summary>Whether one expected actor acted, how long after the inject, and whether within the deadline.</summary>
public sealed record ActorResult(string Participant, long? LatencySeconds, bool Met);
