using System.Security.Cryptography;

namespace Article42.Mesh.Gateway;

public sealed partial class MeshGateway
{
    /// <summary>
    /// Signs from now on with <paramref name="privateKey"/> (issue #21: after <c>a42 keys rotate</c>, once the mesh has
    /// applied the rotated registry): later sends, every send still being retried, the receipts and the next sessions.
    /// Both sessions are opened again with it, as after a reconnect: the inbox, what the application was handed and
    /// has not acknowledged, and the report feed carry on; nothing is handed twice. The caller keeps ownership of the key.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not an ECDSA P-256 key with its private part.</exception>
    public void ReloadPrivateKey(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (privateKey.KeySize != 256)
            throw new ArgumentException("a participant key is an ECDSA P-256 key", nameof(privateKey));
        try
        {
            privateKey.SignData(new byte[1], HashAlgorithmName.SHA256);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("the key has no private part to sign with", nameof(privateKey), ex);
        }
        // The key it replaces is not disposed: a send may be signing with it right now; an owned one goes at disposal.
        Volatile.Write(ref _key, privateKey);
        _sending.InvalidateCurrent();
        OnConnectionChanged();
    }

    /// <summary>The id of the key this gateway signs with now (<see cref="KeyId"/>).</summary>
    public string SigningKeyId => KeyId.OfSubjectPublicKeyInfo(Volatile.Read(ref _key).ExportSubjectPublicKeyInfo());

    private ECDsa Owned(ECDsa key)
    {
        lock (_ownedKeys)
            _ownedKeys.Add(key);
        return key;
    }

    /// <summary>The operator's public key of a trust store (<c>operator.pub</c>), when it holds one.</summary>
    private ECDsa? OperatorKeyOf(string? trustStore) =>
        trustStore is not null && TrustStore.OperatorPublicKeyOf(trustStore) is { } key ? Owned(key) : null;
}
