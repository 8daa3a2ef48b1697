using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Makes a development PKI with <see cref="CertificateRequest"/>: a self-signed certificate authority, silo
/// certificates (server and client authentication, for silo-to-silo TLS both ways) and gateway certificates (client
/// authentication, common name = participant id). ECDSA P-256, SHA-256. Never for production: bring your own PKI.
/// </summary>
public static class DevelopmentPki
{
    /// <summary>A self-signed certificate authority with its private key.</summary>
    public static X509Certificate2 CreateAuthority(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Name(name), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>A silo certificate: server and client authentication, names <paramref name="hosts"/> (DNS names or IP addresses) as alternative names.</summary>
    public static X509Certificate2 IssueSilo(X509Certificate2 authority, string name, IEnumerable<string> hosts, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (IPAddress.TryParse(host, out var address))
                names.AddIpAddress(address);
            else
                names.AddDnsName(host);
        }

        return Issue(authority, name, [TlsCertificates.ServerAuthentication, TlsCertificates.ClientAuthentication], names.Build(), notBefore, notAfter);
    }

    /// <summary>A gateway certificate for <paramref name="participant"/> (its common name): client authentication only.</summary>
    public static X509Certificate2 IssueGateway(X509Certificate2 authority, string participant, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(authority, participant, [TlsCertificates.ClientAuthentication], alternativeNames: null, notBefore, notAfter);

    /// <summary>
    /// A revocation list signed by <paramref name="authority"/> (which holds its private key): the entries of
    /// <paramref name="current"/> (DER; null for the first list) and <paramref name="revoked"/>, numbered one above
    /// <paramref name="current"/>'s number, issued at <paramref name="issued"/>, the next one due at <paramref name="nextUpdate"/>.
    /// </summary>
    public static byte[] IssueRevocationList(X509Certificate2 authority, byte[]? current, IEnumerable<X509Certificate2> revoked, DateTimeOffset issued, DateTimeOffset nextUpdate)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        var number = System.Numerics.BigInteger.Zero;
        var builder = current is null ? new CertificateRevocationListBuilder() : CertificateRevocationListBuilder.Load(current, out number);
        foreach (var certificate in revoked)
            builder.AddEntry(certificate, issued, X509RevocationReason.KeyCompromise);
        return builder.Build(authority, number + 1, nextUpdate, HashAlgorithmName.SHA256, thisUpdate: issued);
    }

    /// <summary>The PEM text of a certificate's private key (PKCS#8).</summary>
    public static string PrivateKeyPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey() ?? throw new CryptographicException($"'{certificate.Subject}' has no ECDSA private key");
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string commonName, string[] usages, X509Extension? alternativeNames, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(authority);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Name(commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var oids = new OidCollection();
        foreach (var usage in usages)
            oids.Add(new Oid(usage));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (alternativeNames is not null)
            request.CertificateExtensions.Add(alternativeNames);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number (RFC 5280)
        using var issued = request.Create(authority, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    private static X500DistinguishedName Name(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName("Article42.Mesh development");
        return builder.Build();
    }
}
