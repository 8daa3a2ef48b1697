namespace Article42.Mesh.Protocol;

/// <summary>Address groups. A group never includes the sender and never includes EXCON.</summary>
public static class ParticipantGroups
{
    /// <summary>Every member state.</summary>
    public const string AllMemberStates = "ALL-MS";
    /// <summary>Every EU body.</summary>
    public const string EuBodies = "EU-BODIES";
    /// <summary>Every member state and EU body.</summary>
    public const string All = "ALL";

    /// <summary>Every group name.</summary>
    public static ImmutableArray<string> Names { get; } = [AllMemberStates, EuBodies, All];

    /// <summary>True when <paramref name="name"/> names a group rather than a participant.</summary>
    public static bool IsGroup(string name) => Names.Contains(name);
}
