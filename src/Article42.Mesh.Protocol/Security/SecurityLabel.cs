namespace Article42.Mesh.Protocol;

/// <summary>
/// The security label every message carries (docs/design/domain.md §4.3). An empty <see cref="ReleasableTo"/> means
/// the default audience: every member state and EU body in the registry.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.security-label")]
public sealed record SecurityLabel
{
    /// <summary>Marking policy: <c>EU</c>, <c>NATO</c> or <c>NAT:&lt;cc&gt;</c>.</summary>
    [Id(0)] public string Policy { get; init; } = "EU";
    /// <summary>The classification level.</summary>
    [Id(1)] public Classification Level { get; init; }
    /// <summary>Participants or groups allowed to receive the message; empty for everyone.</summary>
    [Id(2)] public ImmutableArray<string> ReleasableTo { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Handling caveats; empty for none.</summary>
    [Id(3)] public ImmutableArray<string> Caveats { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>The participant that controls downgrade and release; defaults to the sender.</summary>
    [Id(4)] public string? Originator { get; init; }
    /// <summary>Whether the message is under originator control (ORCON); true by default.</summary>
    [Id(5)] public bool OriginatorControl { get; init; } = true;

    /// <summary>An EU UNCLASSIFIED label releasable to everyone.</summary>
    public static SecurityLabel Unclassified { get; } = new();
}
