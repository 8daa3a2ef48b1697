using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Gateway;

/// <summary>
/// The files a gateway's client certificate is read from, read again when they change: every new connection to the
/// mesh (the first, a reconnect, a replaced client) compares them with what was read, and a renewed certificate that
/// can work (its private key, client authentication, valid now) is presented from then on, without restarting the
/// gateway. Files that cannot be used (half-copied, a key that does not open, expired) leave the certificate in use as
/// it is, and are tried again once they change. Thread-safe; shared by every copy of the <see cref="MeshTlsOptions"/>
/// holding it.
/// </summary>
public sealed class MeshTlsCertificateFiles
{
    private readonly Lock _gate = new();
    /// <summary>Kept out of <c>ToString</c> and every log: the password of an encrypted key or a PKCS#12 file.</summary>
    private readonly string? _password;
    private X509Certificate2? _current;
    private string? _fingerprint;
    private string? _refused;

    /// <summary>
    /// The certificate at <paramref name="certificate"/> (PEM with its key inside or in the <c>.key</c> file beside it,
    /// or <paramref name="key"/>; or PKCS#12 <c>.pfx</c>/<c>.p12</c>), opened with <paramref name="password"/> when encrypted.
    /// </summary>
    public MeshTlsCertificateFiles(string certificate, string? key = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Certificate = certificate;
        Key = key;
        _password = password;
    }

    /// <summary>The certificate file.</summary>
    public string Certificate { get; }

    /// <summary>The private key file; null: inside <see cref="Certificate"/> or beside it as <c>.key</c>.</summary>
    public string? Key { get; }

    /// <summary>Reads the files now; throws as <see cref="TlsCertificates.Load"/> does.</summary>
    internal X509Certificate2 Load()
    {
        lock (_gate)
        {
            var fingerprint = Fingerprint();
            _current = TlsCertificates.Load(Certificate, Key, _password);
            _fingerprint = fingerprint;
            return _current;
        }
    }

    /// <summary>The certificate to present on a new connection: the files' one when it changed and can work, else the one in use (<paramref name="given"/> before any was read).</summary>
    internal X509Certificate2? Select(X509Certificate2? given)
    {
        string fingerprint;
        try
        {
            fingerprint = Fingerprint();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return _current ?? given; // being replaced right now: the next connection looks again
        }

        lock (_gate)
        {
            if (fingerprint != _fingerprint && fingerprint != _refused)
            {
                if (TryLoad() is { } renewed)
                {
                    _current = renewed; // the previous one is not disposed: a handshake in flight may still use it
                    _fingerprint = fingerprint;
                }
                else
                {
                    _refused = fingerprint;
                }
            }

            return _current ?? given;
        }
    }

    /// <summary>Only a certificate that can work replaces the one in use.</summary>
    private X509Certificate2? TryLoad()
    {
        try
        {
            var loaded = TlsCertificates.Load(Certificate, Key, _password);
            var now = DateTime.UtcNow;
            if (TlsCertificates.AllowsPurpose(loaded, TlsPurpose.Client) && loaded.NotBefore.ToUniversalTime() <= now && loaded.NotAfter.ToUniversalTime() > now)
                return loaded;
            loaded.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(Certificate));
        var key = Key ?? Path.ChangeExtension(Certificate, ".key");
        if (File.Exists(key))
            hash.AppendData(File.ReadAllBytes(key));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
