namespace Article42.Mesh.Protocol;

/// <summary>
/// One row of docs/design/domain.md §8.5: the mesh delivery SLO (p99 to the gateway) and the human receipt (RN) SLO.
/// Null means best effort / not applicable.
/// </summary>
public sealed record PrecedenceSlo(Precedence Precedence, TimeSpan? Delivery, TimeSpan? Receipt)
{
    /// <summary>The SLO table, highest precedence first.</summary>
    public static ImmutableArray<PrecedenceSlo> Table { get; } =
    [
        new(Precedence.Override, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)),
        new(Precedence.Flash, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10)),
        new(Precedence.Immediate, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30)),
        new(Precedence.Priority, TimeSpan.FromSeconds(30), TimeSpan.FromHours(3)),
        new(Precedence.Routine, TimeSpan.FromMinutes(5), TimeSpan.FromHours(6)),
        new(Precedence.Deferred, null, null),
    ];

    /// <summary>The row for a precedence.</summary>
    public static PrecedenceSlo For(Precedence precedence) => Table.First(row => row.Precedence == precedence);
}
