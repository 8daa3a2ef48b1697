using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The revocation lists of <c>Tls:RevocationList</c>, each checked against the trusted CAs: a well-formed X.509 list
/// (PEM, one or more, or DER) whose signature a CA of <c>Tls:CaCertificate</c> verifies. A list past its next update is
/// still used (fail-open, docs/operations/tls.md#revocation): it still names every certificate it revoked, and refusing
/// every peer because a list was not re-issued in time would take the whole mesh off the network.
/// </summary>
internal sealed class SiloRevocations
{
    private SiloRevocations(string? path, ImmutableArray<RevocationList> lists, string fingerprint)
    {
        Path = path;
        Lists = lists;
        Fingerprint = fingerprint;
    }

    /// <summary>No list: nothing is revoked.</summary>
    public static SiloRevocations None { get; } = new(null, [], Absent);

    /// <summary>The fingerprint of a list file that does not exist.</summary>
    public const string Absent = "absent";

    public string? Path { get; }

    public ImmutableArray<RevocationList> Lists { get; }

    /// <summary>SHA-256 of the file read: a changed fingerprint means a new list to load.</summary>
    public string Fingerprint { get; }

    /// <summary>The earliest next update of the lists; null without lists or when none says.</summary>
    public DateTimeOffset? NextUpdate => Lists.Select(l => l.NextUpdate).Where(t => t is not null).Min();

    /// <summary>The fingerprint of the file now, <see cref="Absent"/> when there is none; throws <see cref="IOException"/> while it is being replaced.</summary>
    public static string FingerprintOf(string path) =>
        File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : Absent;

    /// <summary>
    /// The lists of <see cref="TlsSettings.RevocationList"/>, or null with the problems added to <paramref name="errors"/>. A
    /// file that does not exist is no list, unless the setting was given explicitly (then it is an error).
    /// </summary>
    public static SiloRevocations? Load(TlsSettings settings, X509Certificate2Collection authorities, List<MeshError> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        if (settings.RevocationList is not { } path)
            return None;
        byte[] file;
        try
        {
            if (!File.Exists(path))
            {
                if (!settings.RevocationListRequired)
                    return new SiloRevocations(path, [], Absent);
                errors.Add(Bad($"no file '{path}': the revocation list of the mesh's CA (PEM or DER, as 'openssl ca -gencrl' writes it; a development one: 'a42 keys revoke-cert')"));
                return null;
            }

            file = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(Bad($"cannot read '{path}': {OneLine.Of(ex.Message)}"));
            return null;
        }

        ImmutableArray<RevocationList> lists;
        try
        {
            lists = RevocationList.Read(file);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            errors.Add(Bad($"cannot read '{path}' as an X.509 revocation list (PEM or DER): {OneLine.Of(ex.Message)}"));
            return null;
        }

        foreach (var list in lists.Where(l => !authorities.Any(l.IsSignedBy)))
        {
            errors.Add(new MeshError(ConfigErrorCodes.RevocationListNotTrusted, ConfigKeys.TlsRevocationList,
                $"the revocation list of '{list.Issuer.Name}' in '{path}' is not signed by a CA of {ConfigKeys.TlsCaCertificate} ('{settings.CaCertificate}'): another issuer, a signature that does not verify (signed with {list.SignatureAlgorithm}), or a CA not allowed to sign revocation lists"));
        }

        return errors.Count > 0 ? null : new SiloRevocations(path, lists, Convert.ToHexString(SHA256.HashData(file)));
    }

    /// <summary>Null when <paramref name="peer"/> is on no list; otherwise the sentence saying which list revokes it.</summary>
    public string? Problem(X509Certificate2 peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (Lists.FirstOrDefault(l => l.Revokes(peer)) is not { } list)
            return null;
        var number = list.Number is { } n ? $" number {n}" : "";
        return $"certificate '{peer.Subject}' (serial {RevocationList.SerialOf(peer)}) is revoked: it is on the revocation list{number} of '{list.Issuer.Name}' in '{Path}'";
    }

    /// <summary>
    /// Why <paramref name="replacement"/> must not replace this list although it is well-formed and signed: a list of the
    /// same issuer with a lower CRL number is an older one copied back, which would lift later revocations.
    /// </summary>
    public MeshError? Regression(SiloRevocations replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        foreach (var older in replacement.Lists)
        {
            var current = Lists.FirstOrDefault(l => l.Issuer.RawData.AsSpan().SequenceEqual(older.Issuer.RawData));
            if (current?.Number is { } now && older.Number is { } then && then < now)
            {
                return new MeshError(ConfigErrorCodes.RevocationListNotTrusted, ConfigKeys.TlsRevocationList,
                    $"the revocation list of '{older.Issuer.Name}' in '{replacement.Path}' is number {then}, older than number {now} in use: an older list would lift later revocations");
            }
        }

        return null;
    }

    private static MeshError Bad(string message) => new(ConfigErrorCodes.BadRevocationList, ConfigKeys.TlsRevocationList, message);
}
