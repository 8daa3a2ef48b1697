namespace Article42.Mesh.Grains;

/// <summary>The revoked key ids of a registry that cannot revoke keys (today's <see cref="ParticipantRegistry"/>): none.</summary>
internal sealed class NoRevokedKeyIds : IRevokedKeyIds
{
    public bool IsRevoked(string keyId) => false;
}
