namespace Article42.Mesh.Protocol;

/// <summary>The national approval an offer needs before it can be committed (docs/design/domain.md §7).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<NationalApproval>))]
public enum NationalApproval
{
    /// <summary>Written <c>NONE</c> in JSON.</summary>
    None,
    /// <summary>Written <c>GOVERNMENT</c> in JSON.</summary>
    Government,
    /// <summary>Written <c>PARLIAMENT</c> in JSON.</summary>
    Parliament,
}
