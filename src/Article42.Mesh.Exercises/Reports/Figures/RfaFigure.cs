namespace Article42.Mesh.Exercises;

/// <summary>One request for assistance: T_first_offer, T_coverage, its lines at ENDEX and its coverage curve.</summary>
public sealed record RfaFigure(
    string ActivationId,
    string RfaId,
    string Ref,
    long PublishedSeconds,
    long? FirstOfferSeconds,
    long? FullyCoveredSeconds,
    decimal CoverageAtEndex,
    ImmutableArray<RfaLineFigure> Lines,
    ImmutableArray<CoveragePoint> Coverage);
