namespace Article42.Mesh.Protocol;

/// <summary>The acknowledgement rule of docs/design/domain.md §8.5a.</summary>
public static class AckDefaults
{
    /// <summary>
    /// What the originator asked for: its explicit <c>ack_request</c>, else the kind's default, where any
    /// FLASH or OVERRIDE message asks for at least DR and RN. Acknowledgements are never acknowledged.
    /// A DR is produced for every message whatever this says.
    /// </summary>
    public static ImmutableArray<AckType> Effective(Envelope envelope)
    {
        if (envelope.AckRequest is { } explicitRequest)
            return explicitRequest;
        var info = MessageCatalogue.Of(envelope.Kind);
        if (info.DefaultAcks.IsEmpty || envelope.PrecedenceAction < Precedence.Flash || info.DefaultAcks.Contains(AckType.Rn))
            return info.DefaultAcks;
        return [.. info.DefaultAcks.Append(AckType.Rn).Distinct().Order()];
    }
}
