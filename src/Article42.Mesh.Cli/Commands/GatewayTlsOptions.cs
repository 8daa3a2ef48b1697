using System.Security.Cryptography;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// TLS of a gateway command: <c>--tls-ca FILE</c> and <c>--tls-cert FILE</c>, else the trust store's development
/// material (<c>KEYS/tls/ca.crt</c> and <c>KEYS/tls/ID.crt</c>, from <c>a42 keys init --tls</c>) when it exists, so that
/// a mesh started on the same trust store and its gateways agree without flags; <c>--no-tls</c> connects in plain TCP.
/// The password of an encrypted key or a .pfx comes from <c>$A42_TLS_PASSWORD</c>.
/// </summary>
public sealed class GatewayTlsOptions
{
    public const string PasswordVariable = "A42_TLS_PASSWORD";

    private readonly Option<string?> _authority = new("--tls-ca") { Description = "The mesh's CA certificate(s), PEM; TLS is on with it (default: KEYS/tls/ca.crt when present).", HelpName = "FILE" };
    private readonly Option<string?> _certificate = new("--tls-cert") { Description = $"This gateway's client certificate: PEM with its key inside or in the .key file beside it, or .pfx (password: ${PasswordVariable}) (default: KEYS/tls/ID.crt when present).", HelpName = "FILE" };
    private readonly Option<bool> _off = new("--no-tls") { Description = "Connect without TLS even when KEYS/tls exists." };

    public IEnumerable<Option> All => [_authority, _certificate, _off];

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in All)
            command.Options.Add(option);
    }

    /// <summary>The SDK's TLS options for <paramref name="participant"/> (whose certificate is the default), or null for plain TCP.</summary>
    public MeshTlsOptions? Resolve(ParseResult parse, string participant, string? keys)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var development = TlsDirectory.Of(TrustStoreLocator.Directory(keys));
        var ca = parse.GetValue(_authority);
        var own = parse.GetValue(_certificate);
        if (parse.GetValue(_off))
        {
            return ca is null && own is null
                ? null
                : throw new CliException(CliErrorCodes.BadOptionValue, "--no-tls", "cannot go with --tls-ca or --tls-cert");
        }

        if (ca is null && !development.Exists)
        {
            return own is null
                ? null
                : throw new CliException(CliErrorCodes.BadOptionValue, "--tls-cert", $"needs the mesh's CA too: --tls-ca FILE (or {development.AuthorityCertificate})");
        }

        ca = Existing(ca ?? development.AuthorityCertificate, "--tls-ca");
        own = own is not null ? Existing(own, "--tls-cert") : File.Exists(development.Certificate(participant)) ? development.Certificate(participant) : null;
        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } secret ? secret : null;
        return new MeshTlsOptions
        {
            CertificateAuthorities = Read("--tls-ca", ca, () => TlsCertificates.LoadAuthorities(ca)),
            ClientCertificate = own is null ? null : Read("--tls-cert", own, () => TlsCertificates.Load(own, null, password)),
            // A long-running listen follows a renewed certificate at its next reconnect.
            ClientCertificateFiles = own is null ? null : new MeshTlsCertificateFiles(own, null, password),
        };
    }

    private static T Read<T>(string option, string path, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (CryptographicException ex)
        {
            throw new CliException(CliErrorCodes.BadOptionValue, option, $"cannot read '{path}': {ex.Message}");
        }
    }

    private static string Existing(string path, string option) =>
        File.Exists(path) ? path : throw new CliException(CliErrorCodes.NoSuchFile, option, $"no file '{path}'");
}
