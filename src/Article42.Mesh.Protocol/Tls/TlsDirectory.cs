using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The development TLS material of a trust store, in its <c>tls/</c> folder: <c>ca.crt</c> + <c>ca.key</c> (the
/// certificate authority), <c>silo.crt</c> + <c>silo.key</c> (every silo's certificate) and <c>&lt;ID&gt;.crt</c> +
/// <c>&lt;ID&gt;.key</c> per participant (its gateway's client certificate, common name = the id) and for the operator
/// (<c>operator.crt</c>: tools that are no one participant, such as the exercise runner). Keys are PKCS#8
/// PEM, mode 600. The names follow Kubernetes TLS secrets (<c>tls.crt</c>/<c>tls.key</c>/<c>ca.crt</c>): one
/// certificate and its key per pair of files.
/// </summary>
public sealed class TlsDirectory
{
    /// <summary>The folder of the TLS material inside a trust store.</summary>
    public const string FolderName = "tls";
    /// <summary>The certificate authority's file name, without extension.</summary>
    public const string AuthorityName = "ca";
    /// <summary>The silo certificate's file name, without extension.</summary>
    public const string SiloName = "silo";

    /// <summary>The names a development silo certificate is issued for (host names are not checked by the mesh; other tools may).</summary>
    public static readonly ImmutableArray<string> SiloHosts = ["localhost", "127.0.0.1", "::1"];

    private static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(5 * 365);
    private static readonly TimeSpan CertificateLifetime = TimeSpan.FromDays(365);

    /// <summary>The TLS folder at <paramref name="path"/>.</summary>
    public TlsDirectory(string path) => Path = path ?? throw new ArgumentNullException(nameof(path));

    /// <summary>The TLS folder.</summary>
    public string Path { get; }

    /// <summary>The trusted certificate authority: <c>Tls:CaCertificate</c> on silos, the CA a gateway trusts.</summary>
    public string AuthorityCertificate => Certificate(AuthorityName);

    /// <summary>The silos' certificate (its key beside it as <c>silo.key</c>).</summary>
    public string SiloCertificate => Certificate(SiloName);

    /// <summary>The revocation list of the development CA (<c>a42 keys revoke-cert</c>; <c>Tls:RevocationList</c> by default), PEM.</summary>
    public string RevocationList => System.IO.Path.Combine(Path, "revoked.crl");

    /// <summary>The <c>tls/</c> folder of a trust store directory.</summary>
    public static TlsDirectory Of(string trustStoreDirectory) => new(System.IO.Path.Combine(trustStoreDirectory, FolderName));

    /// <summary>True when the folder holds a certificate authority.</summary>
    public bool Exists => File.Exists(AuthorityCertificate);

    /// <summary>The certificate file of <paramref name="name"/> (a participant id, <c>ca</c> or <c>silo</c>).</summary>
    public string Certificate(string name) => System.IO.Path.Combine(Path, $"{name}.crt");

    /// <summary>The private key file of <paramref name="name"/>.</summary>
    public string Key(string name) => System.IO.Path.Combine(Path, $"{name}.key");

    /// <summary>
    /// Makes a new CA (5 years), the silo certificate, one gateway certificate per name in <paramref name="participants"/>
    /// and the operator's (1 year each), replacing what is there. Returns how many participant certificates it wrote.
    /// </summary>
    public int Create(IEnumerable<string> participants, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(participants);
        Directory.CreateDirectory(Path);
        var from = now.AddMinutes(-5); // tolerate clocks a little behind
        // Dated and numbered, so that a certificate of another development PKI names a visibly different issuer.
        var name = $"Article42.Mesh development CA {now:yyyy-MM-dd} {Convert.ToHexString(RandomNumberGenerator.GetBytes(3))}";
        using var authority = DevelopmentPki.CreateAuthority(name, from, now + AuthorityLifetime);
        Write(AuthorityName, authority);
        using (var silo = DevelopmentPki.IssueSilo(authority, "a42-silo", SiloHosts, from, now + CertificateLifetime))
            Write(SiloName, silo);
        var count = 0;
        foreach (var participant in participants)
        {
            using var gateway = DevelopmentPki.IssueGateway(authority, participant, from, now + CertificateLifetime);
            Write(participant, gateway);
            count++;
        }

        using (var operatorCertificate = DevelopmentPki.IssueGateway(authority, TrustStore.OperatorKeyName, from, now + CertificateLifetime))
            Write(TrustStore.OperatorKeyName, operatorCertificate);
        return count;
    }

    /// <summary>Writes <paramref name="certificate"/> as <c>NAME.crt</c> and its private key as <c>NAME.key</c> (mode 600).</summary>
    public void Write(string name, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Directory.CreateDirectory(Path);
        File.WriteAllText(Certificate(name), certificate.ExportCertificatePem() + "\n");
        OwnerOnlyFile.Write(Key(name), DevelopmentPki.PrivateKeyPem(certificate));
    }
}
