namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// TLS on a silo's Orleans endpoints (silo-to-silo and gateway), after validation: where the certificate, its key
/// and the trusted certificate authorities are, and whether gateways must present a client certificate.
/// </summary>
public sealed record TlsSettings(
    string Certificate,
    string? CertificateKey,
    string? CertificatePassword,
    string CaCertificate,
    bool RequireClientCertificate,
    bool BindParticipant = false);
