namespace Article42.Mesh.Protocol;

/// <summary>Coverage of one RFA line: requested, accepted (decided by the invoker) and committed (bound by the offerer).</summary>
[GenerateSerializer, Immutable, Alias("a42.rfa-line-summary")]
public sealed record RfaLineSummary(
    [property: Id(0)] string RfaId,
    [property: Id(1)] string LineId,
    [property: Id(2)] string CategoryCode,
    [property: Id(3)] int Requested,
    [property: Id(4)] int Accepted,
    [property: Id(5)] int Committed,
    [property: Id(6)] RfaLineState State);
