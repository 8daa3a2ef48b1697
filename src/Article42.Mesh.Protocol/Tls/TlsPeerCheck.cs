using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The one check of a TLS peer's certificate, on silos and gateways alike: its chain must end at one of the mesh's own
/// certificate authorities (custom root trust: the machine's trusted roots count for nothing), it must be within its
/// validity period and allowed for its purpose. Host names are not compared: silos are reached at addresses taken
/// from the membership table (pod IPs change), so being issued by the mesh's CA for the purpose is the identity.
/// </summary>
public static class TlsPeerCheck
{
    /// <summary>
    /// Null when <paramref name="peer"/> passes; otherwise a sentence saying why not (not issued by the mesh's CA,
    /// expired, not yet valid, not for this purpose). <paramref name="presented"/> is the chain the peer sent, whose
    /// intermediate certificates are used to build the path; <paramref name="at"/> defaults to now.
    /// </summary>
    public static string? Problem(X509Certificate2 peer, X509Chain? presented, X509Certificate2Collection authorities, TlsPurpose purpose, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(authorities);
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(authorities);
        // Nothing is fetched: a silo checks its own revocation list file after this check (Tls:RevocationList, docs/operations/tls.md#revocation).
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.ApplicationPolicy.Add(new Oid(TlsCertificates.Oid(purpose)));
        policy.VerificationTime = at ?? DateTime.Now;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements.Skip(1))
                policy.ExtraStore.Add(element.Certificate);
        }

        if (chain.Build(peer))
            return null;
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        var when = policy.VerificationTime.ToUniversalTime();
        if (flags.HasFlag(X509ChainStatusFlags.UntrustedRoot) || flags.HasFlag(X509ChainStatusFlags.PartialChain))
            return $"certificate '{peer.Subject}' is not issued by a trusted certificate authority (its issuer is '{peer.Issuer}')";
        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid) && peer.NotAfter.ToUniversalTime() < when)
            return $"certificate '{peer.Subject}' expired on {peer.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid) && peer.NotBefore.ToUniversalTime() > when)
            return $"certificate '{peer.Subject}' is not valid before {peer.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid))
            return $"certificate '{peer.Subject}' is issued by a certificate authority that is expired or not yet valid";
        if (flags.HasFlag(X509ChainStatusFlags.NotValidForUsage))
            return $"certificate '{peer.Subject}' is not valid for {(purpose == TlsPurpose.Server ? "server" : "client")} authentication (extended key usage)";
        var reasons = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        return $"certificate '{peer.Subject}' does not chain to a trusted certificate authority: {reasons}";
    }
}
