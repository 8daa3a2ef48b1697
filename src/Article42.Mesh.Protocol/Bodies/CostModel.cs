namespace Article42.Mesh.Protocol;

/// <summary>Who pays for an offered capability (docs/design/domain.md §7).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<CostModel>))]
public enum CostModel
{
    /// <summary>Written <c>FREE</c> in JSON.</summary>
    Free,
    /// <summary>Written <c>REIMBURSABLE</c> in JSON.</summary>
    Reimbursable,
    /// <summary>Written <c>EU_FUNDED</c> in JSON.</summary>
    EuFunded,
}
