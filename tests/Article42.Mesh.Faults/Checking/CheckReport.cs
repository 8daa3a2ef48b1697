namespace Article42.Mesh.Faults.Checking;

/// <summary>The checker's figures over a set of histories, and every violation behind them.</summary>
public sealed record CheckReport(int Messages, ImmutableArray<Violation> Violations)
{
    public int Count(ViolationKind kind) => Violations.Count(v => v.Kind == kind);

    /// <summary>Strict: no violation of any kind.</summary>
    public bool Clean => Violations.IsEmpty;

    /// <summary>The figures line: messages and one count per verdict.</summary>
    public string Figures() =>
        $"messages {Messages}, " + string.Join(", ", Enum.GetValues<ViolationKind>().Select(k => $"{k.ToString().ToLowerInvariant()} {Count(k)}"));
}
