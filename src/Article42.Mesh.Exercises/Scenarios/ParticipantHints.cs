namespace Article42.Mesh.Exercises;

/// <summary>
/// Which participant an unknown id may have meant: the participant whose ISO code it is (<c>GR</c> is Greece,
/// whose id is <c>EL</c> as the EU writes it), the id in other letter case, or the nearest ids and groups.
/// </summary>
internal static class ParticipantHints
{
    public static ImmutableArray<string> For(string id, ParticipantRegistry registry)
    {
        if (ByIsoCode(id, registry) is { } country)
            return [country.Id];
        if (registry.Participants.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)) is { } cased)
            return [cased.Id];
        return NearestNames.For(id, registry.Participants.Select(p => p.Id).Concat(ParticipantGroups.Names));
    }

    /// <summary>Why the suggestion is not a typo's correction, when it is not: ": GR is the ISO code of Greece, whose id is EL".</summary>
    public static string Why(string id, ParticipantRegistry registry) =>
        ByIsoCode(id, registry) is { } country ? $": {id} is the ISO code of {country.Name}, whose participant id is {country.Id}" : "";

    private static Participant? ByIsoCode(string id, ParticipantRegistry registry) =>
        registry.Participants.FirstOrDefault(p => p.IsoCode is { } iso && p.Id != iso && string.Equals(iso, id, StringComparison.OrdinalIgnoreCase));
}
