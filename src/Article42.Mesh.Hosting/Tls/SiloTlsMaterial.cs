using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// A silo's certificate and the certificate authorities it trusts, read from the files <see cref="TlsSettings"/> names
/// and checked as a whole: readable, with a private key, valid now, chaining to the CA, allowed for server and client
/// authentication (silos connect to each other with it), and the revocation lists signed by that CA
/// (<see cref="SiloRevocations"/>). Every problem is a <see cref="MeshError"/> naming its key.
/// </summary>
public sealed class SiloTlsMaterial
{
    private SiloTlsMaterial(X509Certificate2 certificate, X509Certificate2Collection authorities, string fingerprint, SiloRevocations revocations)
    {
        Certificate = certificate;
        Authorities = authorities;
        Fingerprint = fingerprint;
        Revocations = revocations;
    }

    public X509Certificate2 Certificate { get; }

    public X509Certificate2Collection Authorities { get; }

    /// <summary>SHA-256 of the files' contents: a changed fingerprint means new files to load.</summary>
    public string Fingerprint { get; }

    /// <summary>The revocation lists as read with the material (at start); the silo reloads them on their own (<see cref="SiloCertificates"/>).</summary>
    internal SiloRevocations Revocations { get; }

    /// <summary>The material, or every problem found; <paramref name="now"/> is the time validity is judged at.</summary>
    public static (SiloTlsMaterial? Material, ImmutableArray<MeshError> Errors) Load(TlsSettings settings, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<MeshError>();
        var authorities = LoadAuthorities(settings, errors);
        var certificate = LoadCertificate(settings, errors);
        if (certificate is not null)
            Check(settings, certificate, authorities, now, errors);
        var revocations = authorities is null ? null : SiloRevocations.Load(settings, authorities, errors);
        if (errors.Count > 0 || certificate is null || authorities is null || revocations is null)
            return (null, [.. errors]);
        try
        {
            return (new SiloTlsMaterial(certificate, authorities, FingerprintOf(settings), revocations), []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [new MeshError(ConfigErrorCodes.BadCertificate, ConfigKeys.TlsCertificate, $"cannot read: {OneLine.Of(ex.Message)}")]);
        }
    }

    /// <summary>SHA-256 over the certificate, key and CA files; throws <see cref="IOException"/> while a file is being replaced.</summary>
    public static string FingerprintOf(TlsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in new[] { settings.Certificate, settings.CertificateKey, settings.CaCertificate }.OfType<string>())
            hash.AppendData(File.ReadAllBytes(path));
        if (settings.CertificateKey is null && Path.ChangeExtension(settings.Certificate, ".key") is var beside && File.Exists(beside))
            hash.AppendData(File.ReadAllBytes(beside));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static X509Certificate2Collection? LoadAuthorities(TlsSettings settings, List<MeshError> errors)
    {
        var path = settings.CaCertificate;
        if (!File.Exists(path))
        {
            errors.Add(new MeshError(ConfigErrorCodes.BadCertificate, ConfigKeys.TlsCaCertificate, $"no file '{path}': the certificate authority that issues silo and gateway certificates (a development one: 'a42 keys init --tls')"));
            return null;
        }

        try
        {
            return TlsCertificates.LoadAuthorities(path);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            errors.Add(new MeshError(ConfigErrorCodes.BadCertificate, ConfigKeys.TlsCaCertificate, $"cannot read '{path}' as PEM certificates: {OneLine.Of(ex.Message)}"));
            return null;
        }
    }

    private static X509Certificate2? LoadCertificate(TlsSettings settings, List<MeshError> errors)
    {
        var path = settings.Certificate;
        if (!File.Exists(path))
        {
            errors.Add(new MeshError(ConfigErrorCodes.BadCertificate, ConfigKeys.TlsCertificate, $"no file '{path}': the silo's certificate (PEM or PKCS#12; a development one: 'a42 keys init --tls')"));
            return null;
        }

        try
        {
            if (settings.CertificateKey is { } key && !File.Exists(key))
            {
                errors.Add(new MeshError(ConfigErrorCodes.BadCertificate, ConfigKeys.TlsCertificateKey, $"no file '{key}'"));
                return null;
            }

            return TlsCertificates.Load(path, settings.CertificateKey, settings.CertificatePassword);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            var hint = settings.CertificatePassword is null ? "" : $" (is {ConfigKeys.TlsCertificatePassword} right?)";
            var key = settings.CertificateKey is null ? "" : $" with the key '{settings.CertificateKey}'";
            errors.Add(new MeshError(ConfigErrorCodes.BadCertificate, ConfigKeys.TlsCertificate, $"cannot read '{path}'{key} as a certificate with its private key: {OneLine.Of(ex.Message)}{hint}"));
            return null;
        }
    }

    private static void Check(TlsSettings settings, X509Certificate2 certificate, X509Certificate2Collection? authorities, DateTime now, List<MeshError> errors)
    {
        var utc = now.ToUniversalTime();
        if (certificate.NotAfter.ToUniversalTime() < utc)
        {
            errors.Add(new MeshError(ConfigErrorCodes.CertificateNotValidNow, ConfigKeys.TlsCertificate, $"{TlsCertificates.Describe(certificate)}: expired; renew it (a development one: 'a42 keys init --tls --force')"));
            return;
        }

        if (certificate.NotBefore.ToUniversalTime() > utc)
        {
            errors.Add(new MeshError(ConfigErrorCodes.CertificateNotValidNow, ConfigKeys.TlsCertificate, $"'{certificate.Subject}' is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC (is this machine's clock right?)"));
            return;
        }

        if (authorities is not null && TlsPeerCheck.Problem(certificate, null, authorities, TlsPurpose.Server, now) is { } problem)
            errors.Add(new MeshError(ConfigErrorCodes.CertificateNotTrusted, ConfigKeys.TlsCertificate, $"{problem}: silos present it to each other and to gateways, so it must chain to {ConfigKeys.TlsCaCertificate} ('{settings.CaCertificate}')"));
        if (!TlsCertificates.AllowsPurpose(certificate, TlsPurpose.Client))
            errors.Add(new MeshError(ConfigErrorCodes.CertificateNotTrusted, ConfigKeys.TlsCertificate, $"'{certificate.Subject}' is not valid for client authentication: silos also connect to each other with it (extended key usage serverAuth and clientAuth)"));
    }
}
