namespace Article42.Mesh.Protocol;

/// <summary>The invoker's answer to an offer.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<OfferDecisionKind>))]
public enum OfferDecisionKind
{
    Accept,
    Partial,
    Decline,
    Counter,
    Hold,
}
