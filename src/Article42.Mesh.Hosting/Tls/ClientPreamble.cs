namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The first frame an Orleans client sends on a gateway connection (Orleans' internal <c>ConnectionPreamble</c>: a
/// 4-byte little-endian length, then the serialized object), read through a wire-compatible mirror of the two fields
/// the mesh needs; the others are skipped as unknown fields. Orleans keeps this frame compatible across versions
/// (clients and silos of different versions meet during rolling upgrades); the binding tests of <c>GatewayTlsTests</c> and
/// <c>SiloToSiloTlsTests</c> fail if it changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.client-preamble")]
internal sealed class ClientPreamble
{
    public const int MaxLength = 1024;

    /// <summary>The connecting client's id (<c>sys.client/...</c>): the <c>SourceId</c> of every call it makes.</summary>
    [Id(1)]
    public GrainId NodeIdentity { get; init; }

    [Id(3)]
    public string? ClusterId { get; init; }
}
