namespace Article42.Mesh.Gateway;

/// <summary>A client certificate that cannot work at all (no private key, not for client authentication) is refused before connecting.</summary>
internal static class ClientTls
{
    public static void Check(MeshTlsOptions tls)
    {
        if (tls.CertificateAuthorities is not { Count: > 0 })
            throw new ArgumentException("TLS needs the mesh's certificate authority (MeshTlsOptions.CertificateAuthorities)", nameof(tls));
        if (tls.HandshakeTimeout <= TimeSpan.Zero)
            throw new ArgumentException("the TLS handshake timeout must be positive", nameof(tls));
        if (tls.ClientCertificate is not { } own)
            return;
        if (!own.HasPrivateKey)
            throw Unusable($"{TlsCertificates.Describe(own)} comes without its private key");
        if (!TlsCertificates.AllowsPurpose(own, TlsPurpose.Client))
            throw Unusable($"{TlsCertificates.Describe(own)} is not valid for client authentication (extended key usage)");
    }

    private static MeshTlsException Unusable(string message) =>
        new(new MeshError(ErrorCodes.TlsOwnCertificateUnusable, "MeshTlsOptions.ClientCertificate", message));
}
