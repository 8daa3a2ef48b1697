namespace Article42.Mesh.Exercises;

/// <summary>An objective's points and its HSEEP rating (P ≥ 90 %, S ≥ 70 %, M ≥ 40 %, else U).</summary>
public sealed record ObjectiveFigure(string Id, string Title, decimal Earned, int Possible, decimal Percent, HseepRating Rating);
