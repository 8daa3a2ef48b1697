namespace Article42.Mesh.Exercises;

/// <summary>One activation: when invoked, how long until every other playing member state acknowledged (T_all27_ack) and the first solidarity statement.</summary>
public sealed record ActivationFigure(
    string ActivationId,
    string Invoker,
    long? InvokedAtSeconds,
    long? AllAcknowledgedSeconds,
    ImmutableArray<string> NotAcknowledged,
    long? FirstSolidaritySeconds,
    ImmutableArray<ParticipantTime> Acknowledgements,
    ImmutableArray<ParticipantTime> Solidarity);
