namespace Article42.Mesh.Protocol;

/// <summary>Who pays for an offered capability (docs/design/domain.md §7).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<CostModel>))]
public enum CostModel
{
    Free,
    Reimbursable,
    EuFunded,
}
