namespace Article42.Mesh.Protocol;

/// <summary>The national approval an offer needs before it can be committed (docs/design/domain.md §7).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<NationalApproval>))]
public enum NationalApproval
{
    None,
    Government,
    Parliament,
}
