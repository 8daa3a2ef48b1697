namespace Article42.Mesh.Protocol;

/// <summary>Address groups. A group never includes the sender and never includes EXCON.</summary>
public static class ParticipantGroups
{
    public const string AllMemberStates = "ALL-MS";
    public const string EuBodies = "EU-BODIES";
    public const string All = "ALL";

    public static ImmutableArray<string> Names { get; } = [AllMemberStates, EuBodies, All];

    public static bool IsGroup(string name) => Names.Contains(name);
}
