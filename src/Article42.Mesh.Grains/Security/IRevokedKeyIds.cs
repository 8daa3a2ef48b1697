namespace Article42.Mesh.Grains;

/// <summary>
/// Which key ids (<see cref="KeyId"/>) the registry now marks revoked, asked by <c>a42 trace</c> to flag a message
/// accepted under a key revoked since (issue #21). Today's <see cref="ParticipantRegistry"/> revokes no key, so the
/// silo's default (<see cref="NoRevokedKeyIds"/>) answers no; the operator-signed registry document fills this seam.
/// </summary>
public interface IRevokedKeyIds
{
    /// <summary>True when the registry marks the key <paramref name="keyId"/> revoked.</summary>
    bool IsRevoked(string keyId);
}
