namespace Article42.Mesh.Protocol;

/// <summary>What an originator asks back (docs/design/domain.md §8.5a). DR is always produced; RN and WILCO are signed envelopes.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<AckType>))]
public enum AckType
{
    /// <summary><c>DR</c>: a delivery report, produced by the mesh.</summary>
    Dr,
    /// <summary><c>RN</c>: a receipt notification (RECEIPT) from the recipient.</summary>
    Rn,
    /// <summary><c>WILCO</c>: an ACTION_ACK saying whether the recipient will comply.</summary>
    Wilco,
}
