namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Codes of the one-line errors a silo prints when it cannot start (spelled in <see cref="ErrorCodes"/>, the one registry).</summary>
public static class ConfigErrorCodes
{
    public const string UnknownProfile = ErrorCodes.ConfigUnknownProfile;
    public const string Missing = ErrorCodes.ConfigMissing;
    public const string BadPort = ErrorCodes.ConfigBadPort;
    public const string BadAddress = ErrorCodes.ConfigBadAddress;
    public const string BadConnectionString = ErrorCodes.ConfigBadConnectionString;
    public const string BadValue = ErrorCodes.ConfigBadValue;
    public const string PortClash = ErrorCodes.ConfigPortClash;
    /// <summary>Outside the embedded profile, no <c>Http:OperatorToken</c>: <c>/metrics</c> and <c>/dashboard</c> answer only with it.</summary>
    public const string HttpWithoutCredential = ErrorCodes.ConfigHttpWithoutCredential;
    public const string BadTrustStore = ErrorCodes.ConfigBadTrustStore;
    public const string WeakSecret = ErrorCodes.ConfigWeakSecret;
    public const string BadSchema = ErrorCodes.ConfigBadSchema;
    public const string BadDirectory = ErrorCodes.ConfigBadDirectory;
    public const string BadCommandLine = ErrorCodes.ConfigBadCommandLine;

    /// <summary>A TLS certificate, key or CA file is missing or unreadable (not PEM or PKCS#12, wrong password, no private key).</summary>
    public const string BadCertificate = ErrorCodes.ConfigBadCertificate;

    /// <summary>A TLS certificate (or its CA) is expired or not yet valid.</summary>
    public const string CertificateNotValidNow = ErrorCodes.ConfigCertificateNotValidNow;

    /// <summary>The silo certificate does not chain to <c>Tls:CaCertificate</c>, or is not valid for server and client authentication.</summary>
    public const string CertificateNotTrusted = ErrorCodes.ConfigCertificateNotTrusted;

    /// <summary>TLS or mutual TLS turned off where it is required (the kubernetes profile).</summary>
    public const string TlsRequired = ErrorCodes.ConfigTlsRequired;

    /// <summary>A <c>Faults:*</c> setting: fault injection is for the fault suite's own silo host, never a silo.</summary>
    public const string FaultInjectionRefused = ErrorCodes.ConfigFaultInjectionRefused;

    /// <summary><c>Tls:RevocationList</c> is missing (when set), unreadable, or not a revocation list.</summary>
    public const string BadRevocationList = ErrorCodes.ConfigBadRevocationList;

    /// <summary>A revocation list not signed by a CA of <c>Tls:CaCertificate</c>, or on reload older than the one in use.</summary>
    public const string RevocationListNotTrusted = ErrorCodes.ConfigRevocationListNotTrusted;

    /// <summary>The journal could not be opened (unreachable server, a file that is not a journal): exit 1.</summary>
    public const string JournalUnavailable = ErrorCodes.RunJournalUnavailable;

    /// <summary>The silo could not start (a port in use, or the runtime failed to start): exit 1.</summary>
    public const string SiloStartFailed = ErrorCodes.RunSiloStartFailed;

    /// <summary>Redis (membership and reminders) does not answer: exit 1.</summary>
    public const string RedisUnavailable = ErrorCodes.RunRedisUnavailable;
}
