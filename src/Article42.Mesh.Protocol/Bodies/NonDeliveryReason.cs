namespace Article42.Mesh.Protocol;

/// <summary>Why the mesh could not deliver a message to a recipient (docs/design/domain.md §8.3 B).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<NonDeliveryReason>))]
public enum NonDeliveryReason
{
    Unreachable,
    Expired,
    SecurityPolicy,
    UnknownRecipient,

    /// <summary>The stored message no longer decodes; the mesh gave up on it after bounded retries.</summary>
    Corrupt,
}
