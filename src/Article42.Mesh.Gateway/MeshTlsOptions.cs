using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Gateway;

/// <summary>
/// TLS of a gateway's connections to the mesh: the certificate authorities a silo's certificate must chain to (only
/// those: the machine's trusted roots count for nothing) and this gateway's client certificate, whose common name is
/// its participant id. A mesh with mutual TLS (<c>Tls:RequireClientCertificate</c>, always in Kubernetes) refuses a
/// gateway without one. Which participant a connection speaks for is still proven by the signed challenge. Read from
/// files (<see cref="FromFiles"/>), the client certificate is read again when they change (<see cref="ClientCertificateFiles"/>).
/// </summary>
public sealed record MeshTlsOptions
{
    /// <summary>The mesh's certificate authorities (<c>ca.crt</c>); a silo whose certificate does not chain to one of them is refused.</summary>
    public required X509Certificate2Collection CertificateAuthorities { get; init; }

    /// <summary>This gateway's certificate with its private key (client authentication); null connects without one.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>
    /// Where <see cref="ClientCertificate"/> was read from, to follow its renewals without a restart: each new connection
    /// presents the files' certificate once they hold a usable new one (<see cref="FromFiles"/> and
    /// <see cref="FromTrustStore"/> set it). Null: <see cref="ClientCertificate"/> as given, for the gateway's life.
    /// </summary>
    public MeshTlsCertificateFiles? ClientCertificateFiles { get; init; }

    /// <summary>Bound on one TLS handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Reads the options from files: <paramref name="certificateAuthorities"/> (PEM, one or more certificates) and, when
    /// given, <paramref name="clientCertificate"/> (PEM with its key inside or in the <c>.key</c> file beside it, or
    /// <paramref name="clientKey"/>; or PKCS#12 <c>.pfx</c>/<c>.p12</c> with <paramref name="password"/>).
    /// </summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">A file is not a certificate, or the key does not open.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static MeshTlsOptions FromFiles(string certificateAuthorities, string? clientCertificate = null, string? clientKey = null, string? password = null)
    {
        var files = clientCertificate is null ? null : new MeshTlsCertificateFiles(clientCertificate, clientKey, password);
        return new()
        {
            CertificateAuthorities = TlsCertificates.LoadAuthorities(certificateAuthorities),
            ClientCertificate = files?.Load(),
            ClientCertificateFiles = files,
        };
    }

    /// <summary>The certificate a new connection presents: the renewed one of <see cref="ClientCertificateFiles"/>, else <see cref="ClientCertificate"/>.</summary>
    internal X509Certificate2? CurrentClientCertificate() => ClientCertificateFiles?.Select(ClientCertificate) ?? ClientCertificate;

    /// <summary>
    /// The development layout of <c>a42 keys init --tls</c>: <c>TRUSTSTORE/tls/ca.crt</c> and <c>TRUSTSTORE/tls/PARTICIPANT.crt</c>
    /// with <c>PARTICIPANT.key</c>.
    /// </summary>
    public static MeshTlsOptions FromTrustStore(string trustStoreDirectory, string participant)
    {
        var tls = TlsDirectory.Of(trustStoreDirectory);
        return FromFiles(tls.AuthorityCertificate, tls.Certificate(participant), tls.Key(participant));
    }
}
