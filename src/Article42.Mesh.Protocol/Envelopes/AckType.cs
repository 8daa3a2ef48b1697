namespace Article42.Mesh.Protocol;

/// <summary>What an originator asks back (docs/design/domain.md §8.5a). DR is always produced; RN and WILCO are signed envelopes.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<AckType>))]
public enum AckType
{
    Dr,
    Rn,
    Wilco,
}
