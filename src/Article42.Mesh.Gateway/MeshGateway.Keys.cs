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
        Interlocked.Exchange(ref _keyReloaded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        _sending.InvalidateCurrent();
        OnConnectionChanged();
    }

    /// <summary>
    /// How many sends the mesh refused under a key a rotation replaced (<c>A42-SIG-006</c>) wait now for
    /// <see cref="ReloadPrivateKey"/> (<see cref="MeshGatewayOptions.KeyReloadWait"/>): non-zero says the rotation was
    /// published and this gateway still signs with the old key.
    /// </summary>
    public int SendsAwaitingKeyReload => Volatile.Read(ref _sendsAwaitingKeyReload);

    /// <summary>The id of the key this gateway signs with now (<see cref="KeyId"/>).</summary>
    public string SigningKeyId => KeyId.OfSubjectPublicKeyInfo(Volatile.Read(ref _key).ExportSubjectPublicKeyInfo());

    /// <summary>
    /// Whether a send the mesh refused under <paramref name="used"/> is signed again and sent: when the key was reloaded
    /// meanwhile (the mesh may have judged the old signature after the rotation), or when the mesh says a rotation
    /// replaced the key (<see cref="ErrorCodes.SignedWithReplacedKey"/>) and the application reloads the new one in time.
    /// </summary>
    private async Task<bool> SignsAgainAsync(ECDsa used, IReadOnlyList<MeshError> refusal, CancellationToken cancellation) =>
        Volatile.Read(ref _key) != used
        || (refusal is [{ Code: ErrorCodes.SignedWithReplacedKey }] && await KeyReloadedSinceAsync(used, cancellation).ConfigureAwait(false));

    /// <summary>
    /// After the mesh refused a send signed with <paramref name="used"/>: true once the gateway signs with another key
    /// (reloaded already, or within <see cref="MeshGatewayOptions.KeyReloadWait"/>), false when none was reloaded.
    /// </summary>
    private async Task<bool> KeyReloadedSinceAsync(ECDsa used, CancellationToken cancellation)
    {
        // The signal is read before the key: a reload between the two reads shows as the new key, one after them completes it.
        var reloaded = Volatile.Read(ref _keyReloaded).Task;
        if (Volatile.Read(ref _key) != used)
            return true;
        if (_options.KeyReloadWait == TimeSpan.Zero)
            return false;
        Interlocked.Increment(ref _sendsAwaitingKeyReload);
        try
        {
            await reloaded.WaitAsync(_options.KeyReloadWait, _options.TimeProvider, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _sendsAwaitingKeyReload);
        }
    }

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
