namespace Article42.Mesh.Protocol;

/// <summary>
/// One invocation of Art. 42(7) (key: activation id, e.g. <c>A42-2026-0001</c>; the INVOCATION creates it). It knows
/// where the case stands and judges whether a protocol message is legal now; every judgement is journaled.
/// All methods are for silos: participants reach it through their own grain's submit.
/// </summary>
[Alias("a42.activation-grain")]
public interface IActivationGrain : IGrainWithStringKey
{
    /// <summary>Null when the message is legal in the current state (and then it is recorded); otherwise the rule it breaks.</summary>
    [Alias("judge"), SiloOnly]
    ValueTask<MeshError?> JudgeAsync(Envelope envelope);

    /// <summary>Records a receipt SLO breach on a message of this activation.</summary>
    [Alias("record-breach"), SiloOnly]
    ValueTask RecordBreachAsync(SloBreach breach);

    /// <summary>State, roster acknowledgements, RFA coverage, offers and breaches; null when never invoked.</summary>
    [Alias("summary"), SiloOnly]
    ValueTask<ActivationSummary?> SummaryAsync();
}
