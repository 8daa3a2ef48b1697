namespace Article42.Mesh.Protocol;

/// <summary>
/// The participants <c>a42 bench</c> may speak for: kind <see cref="ParticipantKind.Bench"/>, ids <c>BENCH-01</c>,
/// <c>BENCH-02</c>, ... (the prefix is reserved: the registry refuses it on any other kind). They belong to no group, so
/// no message to <c>ALL_MS</c> or <c>EU_BODIES</c> reaches them, and a bench run addresses only them, so it never fills a
/// real participant's inbox. An operator adds them with <c>a42 keys init --bench N</c> (docs/performance.md).
/// </summary>
public static class BenchParticipants
{
    /// <summary>The id prefix reserved for bench participants.</summary>
    public const string IdPrefix = "BENCH-";

    /// <summary>The most bench participants a trust store may hold (two-digit numbering).</summary>
    public const int Max = 99;

    /// <summary>True when <paramref name="participant"/> is a bench participant.</summary>
    public static bool Is(Participant? participant) => participant?.Kind == ParticipantKind.Bench;

    /// <summary>True when the id of <paramref name="participant"/> carries the reserved prefix.</summary>
    public static bool HasReservedId(Participant participant) => participant.Id.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>The id of the <paramref name="number"/>-th bench participant (1-based): <c>BENCH-01</c>.</summary>
    public static string Id(int number) => $"{IdPrefix}{number:00}";

    /// <summary>
    /// Bench participants 1 to <paramref name="count"/>, without keys: accredited for UNCLASSIFIED only, since bench
    /// messages carry nothing.
    /// </summary>
    public static IReadOnlyList<Participant> Create(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Max);
        return [.. Enumerable.Range(1, count).Select(n => new Participant
        {
            Id = Id(n),
            Name = $"Bench participant {n}",
            Kind = ParticipantKind.Bench,
            AccreditationMax = Classification.Unclassified,
        })];
    }
}
