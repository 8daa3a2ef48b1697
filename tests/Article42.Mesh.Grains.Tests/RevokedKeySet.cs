using System.Collections.Concurrent;

namespace Article42.Mesh.Grains.Tests;

/// <summary>The registry's revoked key ids as a test sets them, standing in for the signed registry document.</summary>
public sealed class RevokedKeySet : IRevokedKeyIds
{
    private readonly ConcurrentDictionary<string, bool> _revoked = new(StringComparer.Ordinal);

    public void Revoke(string keyId) => _revoked[keyId] = true;

    public bool IsRevoked(string keyId) => _revoked.ContainsKey(keyId);
}
