namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// TLS on a silo's Orleans endpoints (silo-to-silo and gateway), after validation: where the certificate, its key
/// and the trusted certificate authorities are, and whether gateways must present a client certificate.
/// <paramref name="RevocationList"/> is the revocation list file, read at start and reloaded while the silo runs;
/// <paramref name="RevocationListRequired"/> when it was set explicitly (then it must exist at start; the
/// development default may appear later).
/// </summary>
public sealed record TlsSettings(
    string Certificate,
    string? CertificateKey,
    string? CertificatePassword,
    string CaCertificate,
    bool RequireClientCertificate,
    bool BindParticipant = false,
    string? RevocationList = null,
    bool RevocationListRequired = false);
