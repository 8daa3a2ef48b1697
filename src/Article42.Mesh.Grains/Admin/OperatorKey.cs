using System.Security.Cryptography;

namespace Article42.Mesh.Grains;

/// <summary>
/// The public half of the operator key (<c>operator.pub</c> in the silo's keys directory) that operator requests are
/// verified with; null when the silo has none, and then every operator request is refused.
/// </summary>
public sealed class OperatorKey(ECDsa? publicKey)
{
    public const string FileName = "operator.pub";

    public ECDsa? PublicKey { get; } = publicKey;

    /// <summary>The key in <paramref name="keysDirectory"/>, or none when the file is absent.</summary>
    /// <exception cref="CryptographicException">The file is not a PEM public key.</exception>
    public static OperatorKey Load(string keysDirectory)
    {
        var path = Path.Combine(keysDirectory, FileName);
        if (!File.Exists(path))
            return new OperatorKey(null);
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new OperatorKey(key);
    }
}
