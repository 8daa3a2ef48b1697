namespace Article42.Mesh.Protocol;

/// <summary>Why a recipient's authority did not accept a delivered message (NRN).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<NonReceiptReason>))]
public enum NonReceiptReason
{
    /// <summary>Written <c>DISCARDED</c> in JSON.</summary>
    Discarded,
    /// <summary>Written <c>EXPIRED</c> in JSON.</summary>
    Expired,
}
