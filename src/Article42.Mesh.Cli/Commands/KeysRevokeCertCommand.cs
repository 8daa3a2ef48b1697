using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 keys revoke-cert --cert FILE [--dir DIR]</c>: adds a certificate of the development CA to
/// <c>DIR/tls/revoked.crl</c>, a revocation list signed by that CA with the next CRL number, which silos read as
/// <c>Tls:RevocationList</c> and reload while they run. A certificate of another CA, a CA without its key here, a
/// serial already listed or an existing list the CA did not sign is refused with its code, and nothing is written.
/// </summary>
public static class KeysRevokeCertCommand
{
    /// <summary>Every development certificate lives a year: a list due in a year outlives what it revokes.</summary>
    private static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    public static Command Create()
    {
        var certificate = new Option<string>("--cert") { Description = "The certificate to revoke (PEM or DER), issued by the trust store's development CA.", HelpName = "FILE", Required = true };
        var dir = new Option<string?>("--dir") { Description = "The trust store (default: $A42_HOME/keys); its tls/ca.crt and tls/ca.key sign the list.", HelpName = "DIR" };
        var revoke = new Command("revoke-cert", "Revoke a TLS certificate of the development CA: add it to tls/revoked.crl (signed by the CA, next CRL number); silos refuse it at its next handshake and close its open connections.")
        {
            certificate, dir,
        };
        revoke.WithExamples("a42 keys revoke-cert --cert ~/.a42/keys/tls/PT.crt", "a42 keys revoke-cert --cert stolen.crt --dir ./keys");
        revoke.SetAction(parse => CommandRunner.Run(() =>
        {
            var pki = TlsDirectory.Of(parse.GetValue(dir) ?? A42Home.KeysDirectory);
            using var revoked = Target(parse.GetValue(certificate)!);
            using var authority = Authority(pki);
            if (revoked.RawDataMemory.Span.SequenceEqual(authority.RawDataMemory.Span) || !IssuedBy(revoked, authority))
                throw new CliException(CliErrorCodes.NotIssuedByCa, "--cert", $"{TlsCertificates.Describe(revoked)} is not issued by the development CA '{authority.Subject}' of {pki.Path}: only that CA's revocation list is kept here");
            var current = Current(pki, authority);
            if (current is not null && current.Revokes(revoked))
                throw new CliException(CliErrorCodes.AlreadyRevoked, "--cert", $"{TlsCertificates.Describe(revoked)} (serial {RevocationList.SerialOf(revoked)}) is on {pki.RevocationList} already (list number {current.Number})");

            var now = DateTimeOffset.UtcNow;
            var der = DevelopmentPki.IssueRevocationList(authority, current?.Der.ToArray(), [revoked], now, now + Validity);
            var written = RevocationList.Read(der)[0];
            // Written beside and moved in: a silo reloading at this moment reads the old list or the new one, never half.
            var staging = pki.RevocationList + ".new";
            File.WriteAllText(staging, PemEncoding.WriteString("X509 CRL", der) + "\n");
            File.Move(staging, pki.RevocationList, overwrite: true);
            Console.WriteLine($"Revoked {TlsCertificates.Describe(revoked)} (serial {RevocationList.SerialOf(revoked)})");
            Console.WriteLine($"  revocation list: {pki.RevocationList} (number {written.Number}, {written.Serials.Count} revoked certificates, next update {written.NextUpdate:yyyy-MM-dd})");
            Console.WriteLine("  silos reading it (Tls:RevocationList) refuse the certificate at its next handshake and close its open connections within seconds");
            return ExitCodes.Success;
        }));
        return revoke;
    }

    private static X509Certificate2 Target(string path)
    {
        if (!File.Exists(path))
            throw new CliException(CliErrorCodes.NoSuchFile, "--cert", $"no file '{path}'");
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (CryptographicException ex)
        {
            throw new CliException(CliErrorCodes.BadOptionValue, "--cert", $"cannot read '{path}' as a certificate (PEM or DER): {ex.Message}");
        }
    }

    private static X509Certificate2 Authority(TlsDirectory pki)
    {
        if (!pki.Exists)
            throw new CliException(CliErrorCodes.NoPrivateKey, pki.AuthorityCertificate, $"no development CA in {pki.Path} ('a42 keys init --tls' makes one)");
        var key = pki.Key(TlsDirectory.AuthorityName);
        if (!File.Exists(key))
            throw new CliException(CliErrorCodes.NoPrivateKey, key, $"the CA's private key is not here: the revocation list must be signed with it (revoke where the CA's key is kept)");
        try
        {
            return TlsCertificates.Load(pki.AuthorityCertificate, key);
        }
        catch (CryptographicException ex)
        {
            throw new CliException(CliErrorCodes.NoPrivateKey, key, $"cannot open the CA's private key with {pki.AuthorityCertificate}: {ex.Message}");
        }
    }

    /// <summary>Issued by the CA whatever its validity and usage now: an expired or silo certificate can be revoked too.</summary>
    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreWrongUsage;
        return chain.Build(certificate) && chain.ChainElements.Count == 2;
    }

    /// <summary>The list there now, which must be one list signed by the CA; null when there is none yet.</summary>
    private static RevocationList? Current(TlsDirectory pki, X509Certificate2 authority)
    {
        if (!File.Exists(pki.RevocationList))
            return null;
        ImmutableArray<RevocationList> lists;
        try
        {
            lists = RevocationList.Read(File.ReadAllBytes(pki.RevocationList));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            throw new CliException(CliErrorCodes.BadRevocationList, pki.RevocationList, $"cannot read it as a revocation list: {ex.Message} (move it away to start a new list)");
        }

        if (lists.Length != 1 || !lists[0].IsSignedBy(authority))
            throw new CliException(CliErrorCodes.BadRevocationList, pki.RevocationList, $"not one revocation list signed by the development CA '{authority.Subject}' (it holds {lists.Length}, of '{lists[0].Issuer.Name}'): adding to it would sign what another CA listed");
        return lists[0];
    }
}
