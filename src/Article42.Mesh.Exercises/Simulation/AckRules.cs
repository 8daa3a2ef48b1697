namespace Article42.Mesh.Exercises;

/// <summary>The acknowledgements a message asks for when its originator sets none (docs/design/domain.md §8.5a), as the simulation and the report both assume.</summary>
internal static class AckRules
{
    public static ImmutableArray<AckType> Requested(MessageKind kind, Precedence precedence)
    {
        var defaults = MessageCatalogue.Of(kind).DefaultAcks;
        // Any kind at FLASH or OVERRIDE asks at least DR and RN, unless it is an acknowledgement itself.
        return precedence >= Precedence.Flash && !defaults.IsEmpty && !defaults.Contains(AckType.Rn) ? defaults.Add(AckType.Rn) : defaults;
    }
}
