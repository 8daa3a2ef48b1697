using System.Reflection;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// The <c>Tls</c> section. TLS is on in the kubernetes profile (it cannot be turned off there, nor can client
/// certificates be made optional), and elsewhere when <c>Tls:Certificate</c> is set or the trust store holds the
/// development silo certificate (<c>a42 keys init --tls</c>); <c>Tls:Enabled</c> overrides the latter. Binding a
/// connection's certificate to the participant it calls is on by default in kubernetes only. The files
/// themselves are read and checked later (<see cref="Tls.SiloTlsMaterial"/>), each error naming its key.
/// </summary>
public sealed partial class MeshSettingsReader
{
    private static readonly string[] TlsKeys =
        [.. typeof(ConfigKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(k => k.StartsWith(ConfigSections.Tls + ":", StringComparison.Ordinal))];

    private TlsSettings? Tls(MeshProfile profile, string keysDirectory)
    {
        foreach (var child in configuration.GetSection(ConfigSections.Tls).GetChildren())
        {
            if (!TlsKeys.Contains(child.Path, StringComparer.OrdinalIgnoreCase))
                Error(ConfigErrorCodes.BadValue, child.Path, $"not a setting of {ConfigSections.Tls}; known: {string.Join(", ", TlsKeys.Select(k => k[(ConfigSections.Tls.Length + 1)..]))}");
        }

        var development = TlsDirectory.Of(keysDirectory);
        var certificate = Value(ConfigKeys.TlsCertificate);
        var kubernetes = profile == MeshProfile.Kubernetes;
        var enabled = Boolean(ConfigKeys.TlsEnabled, kubernetes || certificate is not null || File.Exists(development.SiloCertificate));
        if (kubernetes && !enabled)
            Error(ConfigErrorCodes.TlsRequired, ConfigKeys.TlsEnabled, "TLS cannot be turned off in the kubernetes profile");
        var requireClient = Boolean(ConfigKeys.TlsRequireClientCertificate, kubernetes);
        if (kubernetes && !requireClient)
            Error(ConfigErrorCodes.TlsRequired, ConfigKeys.TlsRequireClientCertificate, "gateways must present a client certificate in the kubernetes profile (mutual TLS)");
        var bind = Boolean(ConfigKeys.TlsBindParticipant, kubernetes && requireClient);
        if (bind && !requireClient)
            Error(ConfigErrorCodes.TlsRequired, ConfigKeys.TlsBindParticipant, $"needs {ConfigKeys.TlsRequireClientCertificate}=true: a gateway without a certificate would speak for no participant");
        if (!enabled)
            return null;
        var revocations = Value(ConfigKeys.TlsRevocationList);
        return new TlsSettings(
            Path.GetFullPath(certificate ?? development.SiloCertificate),
            Value(ConfigKeys.TlsCertificateKey) is { } key ? Path.GetFullPath(key) : null,
            configuration[ConfigKeys.TlsCertificatePassword] is { Length: > 0 } password ? password : null,
            Path.GetFullPath(Value(ConfigKeys.TlsCaCertificate) ?? development.AuthorityCertificate),
            requireClient,
            bind,
            Path.GetFullPath(revocations ?? development.RevocationList),
            RevocationListRequired: revocations is not null);
    }
}
