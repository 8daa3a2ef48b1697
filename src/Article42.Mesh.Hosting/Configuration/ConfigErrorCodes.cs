namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Codes of the one-line errors a silo prints when it cannot start (docs-hosting.md lists them).</summary>
public static class ConfigErrorCodes
{
    public const string UnknownProfile = "A42-CFG-001";
    public const string Missing = "A42-CFG-002";
    public const string BadPort = "A42-CFG-003";
    public const string BadAddress = "A42-CFG-004";
    public const string BadConnectionString = "A42-CFG-005";
    public const string BadValue = "A42-CFG-006";
    public const string PortClash = "A42-CFG-007";
    /// <summary>Outside the embedded profile, no <c>Http:OperatorToken</c>: <c>/metrics</c> and <c>/dashboard</c> answer only with it.</summary>
    public const string HttpWithoutCredential = "A42-CFG-008";
    public const string BadTrustStore = "A42-CFG-009";
    public const string WeakSecret = "A42-CFG-010";
    public const string BadSchema = "A42-CFG-011";
    public const string BadDirectory = "A42-CFG-012";
    public const string BadCommandLine = "A42-CFG-013";

    /// <summary>A TLS certificate, key or CA file is missing or unreadable (not PEM or PKCS#12, wrong password, no private key).</summary>
    public const string BadCertificate = "A42-CFG-014";

    /// <summary>A TLS certificate (or its CA) is expired or not yet valid.</summary>
    public const string CertificateNotValidNow = "A42-CFG-015";

    /// <summary>The silo certificate does not chain to <c>Tls:CaCertificate</c>, or is not valid for server and client authentication.</summary>
    public const string CertificateNotTrusted = "A42-CFG-016";

    /// <summary>TLS or mutual TLS turned off where it is required (the kubernetes profile).</summary>
    public const string TlsRequired = "A42-CFG-017";

    /// <summary>The journal could not be opened (unreachable server, a file that is not a journal): exit 1.</summary>
    public const string JournalUnavailable = "A42-RUN-001";

    /// <summary>The silo could not start (a port in use, or the runtime failed to start): exit 1.</summary>
    public const string SiloStartFailed = "A42-RUN-002";

    /// <summary>Redis (membership and reminders) does not answer: exit 1.</summary>
    public const string RedisUnavailable = "A42-RUN-003";
}
