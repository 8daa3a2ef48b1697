namespace Article42.Mesh.Protocol;

/// <summary>What a certificate is presented for: the side of the TLS handshake, checked against its extended key usage.</summary>
public enum TlsPurpose
{
    /// <summary>A silo's certificate: serves silo-to-silo and gateway connections (EKU serverAuth, 1.3.6.1.5.5.7.3.1).</summary>
    Server,

    /// <summary>A gateway's or connecting silo's certificate (EKU clientAuth, 1.3.6.1.5.5.7.3.2).</summary>
    Client,
}
