namespace Article42.Mesh.Protocol;

/// <summary>The invoker's answer to an offer.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<OfferDecisionKind>))]
public enum OfferDecisionKind
{
    /// <summary>Written <c>ACCEPT</c> in JSON.</summary>
    Accept,
    /// <summary>Written <c>PARTIAL</c> in JSON.</summary>
    Partial,
    /// <summary>Written <c>DECLINE</c> in JSON.</summary>
    Decline,
    /// <summary>Written <c>COUNTER</c> in JSON.</summary>
    Counter,
    /// <summary>Written <c>HOLD</c> in JSON.</summary>
    Hold,
}
