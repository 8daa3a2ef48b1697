using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Loads TLS certificates the way every part of the mesh accepts them: PEM (certificate, with its private key in the
/// same file or in the <c>.key</c> file beside it, optionally encrypted) or PKCS#12 (<c>.pfx</c>/<c>.p12</c>), and the
/// certificate authorities a peer must chain to (one or more PEM certificates in one file).
/// </summary>
public static class TlsCertificates
{
    /// <summary>OID of the serverAuth extended key usage.</summary>
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>OID of the clientAuth extended key usage.</summary>
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>
    /// A certificate with its private key. <paramref name="keyPath"/> null: the key is in <paramref name="certificatePath"/>
    /// itself, else in the file of the same name ending <c>.key</c>. Throws <see cref="CryptographicException"/> (not a
    /// certificate, wrong password, no private key) or an <see cref="IOException"/>.
    /// </summary>
    public static X509Certificate2 Load(string certificatePath, string? keyPath = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        X509Certificate2 certificate;
        if (IsPkcs12(certificatePath))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        else
        {
            var key = keyPath ?? DefaultKeyPath(certificatePath);
            certificate = password is null
                ? X509Certificate2.CreateFromPemFile(certificatePath, key)
                : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, key);
        }

        if (certificate.HasPrivateKey)
            return certificate;
        certificate.Dispose();
        throw new CryptographicException($"'{certificatePath}' has no private key");
    }

    /// <summary>Where <see cref="Load"/> looks for the private key of a PEM certificate when no key file is named.</summary>
    public static string DefaultKeyPath(string certificatePath)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        return File.ReadAllText(certificatePath).Contains("PRIVATE KEY-----", StringComparison.Ordinal)
            ? certificatePath
            : Path.ChangeExtension(certificatePath, ".key");
    }

    /// <summary>The certificate authorities in a PEM file (several for a CA rollover); throws <see cref="CryptographicException"/> when it holds none.</summary>
    public static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        return authorities.Count > 0 ? authorities : throw new CryptographicException($"'{path}' holds no PEM certificate");
    }

    /// <summary>One line naming a certificate for errors and logs: subject, issuer, expiry.</summary>
    public static string Describe(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return $"'{certificate.Subject}' issued by '{certificate.Issuer}', valid until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
    }

    /// <summary>The certificate's common name: the participant id of a gateway certificate.</summary>
    public static string CommonName(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }

    /// <summary>True when the certificate's extended key usage allows <paramref name="purpose"/> (no EKU extension allows every use).</summary>
    public static bool AllowsPurpose(X509Certificate2 certificate, TlsPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().ToList();
        return usages.Count == 0 || usages.Any(u => u.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == Oid(purpose)));
    }

    /// <summary>The extended key usage OID of <paramref name="purpose"/>.</summary>
    public static string Oid(TlsPurpose purpose) => purpose == TlsPurpose.Server ? ServerAuthentication : ClientAuthentication;

    private static bool IsPkcs12(string path) =>
        path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);
}
