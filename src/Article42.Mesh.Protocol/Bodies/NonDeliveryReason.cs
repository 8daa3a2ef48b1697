namespace Article42.Mesh.Protocol;

/// <summary>Why the mesh could not deliver a message to a recipient (docs/design/domain.md §8.3 B).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<NonDeliveryReason>))]
public enum NonDeliveryReason
{
    /// <summary>Written <c>UNREACHABLE</c> in JSON.</summary>
    Unreachable,
    /// <summary>Written <c>EXPIRED</c> in JSON.</summary>
    Expired,
    /// <summary>Written <c>SECURITY_POLICY</c> in JSON.</summary>
    SecurityPolicy,
    /// <summary>Written <c>UNKNOWN_RECIPIENT</c> in JSON.</summary>
    UnknownRecipient,

    /// <summary>The stored message no longer decodes; the mesh gave up on it after bounded retries.</summary>
    Corrupt,
}
