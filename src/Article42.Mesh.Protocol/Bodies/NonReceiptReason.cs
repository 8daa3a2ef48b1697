namespace Article42.Mesh.Protocol;

/// <summary>Why a recipient's authority did not accept a delivered message (NRN).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<NonReceiptReason>))]
public enum NonReceiptReason
{
    Discarded,
    Expired,
}
