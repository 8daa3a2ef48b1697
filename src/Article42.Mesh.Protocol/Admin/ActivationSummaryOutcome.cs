namespace Article42.Mesh.Protocol;

/// <summary>
/// The answer to <see cref="IAdminGrain.ActivationSummaryAsync"/>: the activation's summary; neither summary nor error
/// when no activation with that id was ever opened (none, not a refusal); <see cref="Withheld"/> when it is labelled
/// above the operator's clearance (its summary then not sent); or why the request was refused (<c>A42-ADM-*</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.activation-summary-outcome")]
public sealed record ActivationSummaryOutcome(
    [property: Id(0)] ActivationSummary? Summary,
    [property: Id(1)] bool Withheld,
    [property: Id(2)] MeshError? Error);
