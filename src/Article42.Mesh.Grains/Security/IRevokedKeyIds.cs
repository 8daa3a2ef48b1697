namespace Article42.Mesh.Grains;

/// <summary>
/// Which key ids (<see cref="KeyId"/>) the registry now marks revoked, asked by <c>a42 trace</c> to flag a message
/// accepted under a key revoked since (issue #21). The silo's answer is its current registry's
/// (<see cref="RegistryRevokedKeyIds"/>).
/// </summary>
public interface IRevokedKeyIds
{
    /// <summary>True when the registry marks the key <paramref name="keyId"/> revoked.</summary>
    bool IsRevoked(string keyId);
}
