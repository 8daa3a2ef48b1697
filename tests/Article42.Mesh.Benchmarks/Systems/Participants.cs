namespace Article42.Mesh.Benchmarks.Systems;

/// <summary>Who plays: the member states first, then the EU bodies (never EXCON); the rest can hold a backlog nobody reads.</summary>
internal static class Participants
{
    private static ImmutableArray<string> Ordered { get; } = [.. ParticipantRegistry.Default.MemberStates, .. ParticipantRegistry.Default.EuBodies];

    public static int Max => Ordered.Length;

    /// <summary>The first <paramref name="count"/> participants, one gateway each.</summary>
    public static IReadOnlyList<string> Gateways(int count) => [.. Ordered.Take(count)];

    /// <summary>Participants without a gateway when <paramref name="gateways"/> have one.</summary>
    public static IReadOnlyList<string> WithoutGateway(int gateways) => [.. Ordered.Skip(gateways)];
}
