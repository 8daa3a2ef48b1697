using System.Security.Cryptography;

namespace Article42.Mesh.Protocol;

/// <summary>ECDSA P-256 keys of gateways: generation, PEM files for private keys, base64 SPKI for the registry.</summary>
public static class ParticipantKeys
{
    /// <summary>A fresh P-256 key pair.</summary>
    public static ECDsa Generate() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The registry form of the public half: base64 SubjectPublicKeyInfo (DER).</summary>
    public static string PublicKeyOf(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>The PEM file form of the private key (PKCS#8).</summary>
    public static string PrivateKeyPem(ECDsa key) => key.ExportPkcs8PrivateKeyPem();

    /// <summary>Loads a private key from a PEM file; throws <see cref="CryptographicException"/> when it is not a P-256 key.</summary>
    public static ECDsa LoadPrivateKey(string pemPath)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(pemPath));
        if (key.KeySize != 256)
            throw new CryptographicException($"{pemPath}: not a P-256 key ({key.KeySize} bits)");
        return key;
    }

    /// <summary>Imports a registry public key, or null when it is not a base64 P-256 SubjectPublicKeyInfo.</summary>
    public static ECDsa? ImportPublicKey(string base64)
    {
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
            return null;
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(bytes.AsSpan(0, length), out var read);
            if (read == length && key.KeySize == 256)
                return key;
        }
        catch (CryptographicException)
        {
            // Not a key at all: reported as null like any other unusable key.
        }
        key.Dispose();
        return null;
    }

    /// <summary>True when <paramref name="base64"/> is a base64 ECDSA P-256 public key (SubjectPublicKeyInfo).</summary>
    public static bool IsValidPublicKey(string base64)
    {
        using var key = ImportPublicKey(base64);
        return key is not null;
    }
}
