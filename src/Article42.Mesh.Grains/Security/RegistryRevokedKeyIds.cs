namespace Article42.Mesh.Grains;

/// <summary>
/// The key ids the silo's current registry marks revoked (a participant's former key in state
/// <see cref="KeyState.Revoked"/>): what <c>a42 trace</c> flags and gateways learn. Asked rarely (a trace, a gateway's
/// registry read), so a scan of the registry, never a copy of it.
/// </summary>
internal sealed class RegistryRevokedKeyIds(IRegistryHolder registries) : IRevokedKeyIds
{
    public bool IsRevoked(string keyId) =>
        registries.Current.Participants.Any(p => p.FormerKeys.Any(k => k.State == KeyState.Revoked && k.Id == keyId));
}
