using System.Globalization;
using System.Net;
using Article42.Mesh.Storage.Postgres;
using Microsoft.Extensions.Configuration;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// Reads and checks every setting before anything starts, collecting one <see cref="MeshError"/> per bad key
/// (its path is the key), so a silo with a bad setting says exactly which and stops.
/// </summary>
public sealed partial class MeshSettingsReader(IConfiguration configuration, Func<string, string?> environment)
{
    private readonly List<MeshError> _errors = [];

    public static (MeshSettings? Settings, ImmutableArray<MeshError> Errors) Read(IConfiguration configuration, Func<string, string?> environment)
    {
        var reader = new MeshSettingsReader(configuration, environment);
        var settings = reader.ReadAll();
        return reader._errors.Count == 0 ? (settings, []) : (null, [.. reader._errors]);
    }

    private MeshSettings ReadAll()
    {
        var profile = Profile();
        var home = MeshHome.Root(environment);
        var embedded = profile == MeshProfile.Embedded;
        var advertise = AdvertiseIp(profile);
        var siloPort = Port(ConfigKeys.SiloPort, MeshDefaults.SiloPort);
        var gatewayPort = Port(ConfigKeys.GatewayPort, MeshDefaults.GatewayPort);
        var httpPort = Port(ConfigKeys.HttpPort, MeshDefaults.HttpPort);
        CheckDistinct((ConfigKeys.SiloPort, siloPort), (ConfigKeys.GatewayPort, gatewayPort), (ConfigKeys.HttpPort, httpPort));
        var httpDefault = profile switch { MeshProfile.Embedded => IPAddress.Loopback, MeshProfile.Kubernetes => IPAddress.Any, _ => advertise };
        var redis = embedded ? Value(ConfigKeys.Redis) : Redis();
        var postgres = embedded ? Value(ConfigKeys.Postgres) : Postgres();
        var dashboard = Boolean(ConfigKeys.DashboardEnabled, embedded);
        var token = OperatorToken(embedded);
        OptionSections.Check(configuration, _errors);
        var keys = Path.GetFullPath(Value(ConfigKeys.KeysDirectory) ?? Path.Combine(home, "keys"));
        return new MeshSettings(
            profile,
            new PathSettings(Path.GetFullPath(Value(ConfigKeys.DataDirectory) ?? Path.Combine(home, "data")), keys),
            new ClusterSettings(
                Value(ConfigKeys.ClusterId) ?? MeshDefaults.ClusterId,
                Value(ConfigKeys.ServiceId) ?? MeshDefaults.ServiceId,
                advertise,
                siloPort,
                gatewayPort,
                redis),
            new JournalSettings(postgres, Schema()),
            new HttpSettings(Address(ConfigKeys.HttpAddress, Value(ConfigKeys.HttpAddress)) ?? httpDefault, httpPort, token),
            new ShutdownSettings(Duration(ConfigKeys.ShutdownTimeout, ShutdownSettings.DefaultTimeout)),
            new DashboardSettings(dashboard),
            new SecuritySettings(ClusterSecret(embedded)),
            new TelemetrySettings(Ratio(ConfigKeys.TraceSampleRatio, TelemetrySettings.DefaultTraceSampleRatio)),
            new PodSettings(environment(ConfigKeys.PodName), environment(ConfigKeys.PodNamespace)),
            Tls(profile, keys));
    }

    private MeshProfile Profile()
    {
        var value = Value(ConfigKeys.Profile);
        if (value is null)
            return MeshProfile.Embedded;
        if (Enum.TryParse<MeshProfile>(value, ignoreCase: true, out var profile) && Enum.IsDefined(profile) && !char.IsDigit(value[0]))
            return profile;
        Error(ConfigErrorCodes.UnknownProfile, ConfigKeys.Profile, $"'{value}' is not a profile; use embedded, cluster or kubernetes");
        return MeshProfile.Embedded;
    }

    private IPAddress AdvertiseIp(MeshProfile profile)
    {
        if (Value(ConfigKeys.AdvertiseIp) is { } configured)
            return Address(ConfigKeys.AdvertiseIp, configured) ?? IPAddress.Loopback;
        switch (profile)
        {
            case MeshProfile.Embedded:
                return IPAddress.Loopback;
            case MeshProfile.Kubernetes when environment(ConfigKeys.PodIp) is { Length: > 0 } podIp:
                return Address(ConfigKeys.PodIp, podIp) ?? IPAddress.Loopback;
            case MeshProfile.Kubernetes:
                Error(ConfigErrorCodes.Missing, ConfigKeys.PodIp, $"not set: the pod spec must pass status.podIP in POD_IP (or set {ConfigKeys.AdvertiseIp})");
                return IPAddress.Loopback;
            default:
                Error(ConfigErrorCodes.Missing, ConfigKeys.AdvertiseIp, "required in the cluster profile: the address other silos and gateways reach this silo at (--advertise-ip)");
                return IPAddress.Loopback;
        }
    }

    private IPAddress? Address(string key, string? value)
    {
        if (value is null)
            return null;
        // IPAddress.TryParse also takes "1" or "10.1" (legacy short forms): insist on four parts or IPv6.
        if (IPAddress.TryParse(value, out var address) && (value.Split('.').Length == 4 || value.Contains(':', StringComparison.Ordinal)))
            return address;
        Error(ConfigErrorCodes.BadAddress, key, $"'{value}' is not an IP address");
        return null;
    }

    private int Port(string key, int fallback)
    {
        var value = Value(key);
        if (value is null)
            return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
            return port;
        Error(ConfigErrorCodes.BadPort, key, $"'{value}' is not a port number (1-65535)");
        return fallback;
    }

    private void CheckDistinct(params (string Key, int Port)[] ports)
    {
        foreach (var clash in ports.GroupBy(p => p.Port).Where(g => g.Count() > 1))
            Error(ConfigErrorCodes.PortClash, clash.Last().Key, $"port {clash.Key} is also {clash.First().Key}; every endpoint needs its own port");
    }

    private string? Redis() => ConnectionStrings.CheckRedis(Required(ConfigKeys.Redis, "the Redis that holds membership and reminders (--redis)"), Error);

    private string? Postgres() => ConnectionStrings.CheckPostgres(Required(ConfigKeys.Postgres, "the PostgreSQL journal's connection string (--postgres)"), Error);

    private string Schema()
    {
        var value = Value(ConfigKeys.PostgresSchema) ?? PostgresJournalOptions.DefaultSchema;
        if (!PostgresSchemaName.IsValid(value))
            Error(ConfigErrorCodes.BadSchema, ConfigKeys.PostgresSchema, $"'{value}' is not {PostgresSchemaName.Rule}");
        return value;
    }

    private double Ratio(string key, double fallback)
    {
        var value = Value(key);
        if (value is null)
            return fallback;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1)
            return ratio;
        Error(ConfigErrorCodes.BadValue, key, $"'{value}' is not a ratio between 0 and 1 (e.g. 0.1 keeps one trace in ten)");
        return fallback;
    }

    private TimeSpan Duration(string key, TimeSpan fallback)
    {
        var value = Value(key);
        if (value is null)
            return fallback;
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) && duration > TimeSpan.Zero)
            return duration;
        Error(ConfigErrorCodes.BadValue, key, $"'{value}' is not a positive duration (hh:mm:ss, e.g. 00:00:20)");
        return fallback;
    }

    private bool Boolean(string key, bool fallback)
    {
        var value = Value(key);
        if (value is null)
            return fallback;
        if (bool.TryParse(value, out var flag))
            return flag;
        Error(ConfigErrorCodes.BadValue, key, $"'{value}' is not true or false");
        return fallback;
    }

    private string? ClusterSecret(bool embedded)
    {
        var value = embedded ? Value(ConfigKeys.ClusterSecret) : Required(ConfigKeys.ClusterSecret, "the secret every silo of the cluster shares (clients never hold it)");
        if (value is { Length: < 16 })
            Error(ConfigErrorCodes.WeakSecret, ConfigKeys.ClusterSecret, "shorter than 16 characters; use 32 random bytes, e.g. `openssl rand -base64 32`");
        return value;
    }

    private string? OperatorToken(bool embedded)
    {
        var value = Value(ConfigKeys.HttpOperatorToken);
        if (value is null && !embedded)
            Error(ConfigErrorCodes.HttpWithoutCredential, ConfigKeys.HttpOperatorToken, "required outside the embedded profile: /metrics and /dashboard answer only with this operator credential (the health probes stay open)");
        if (value is { Length: < 16 })
            Error(ConfigErrorCodes.WeakSecret, ConfigKeys.HttpOperatorToken, "shorter than 16 characters; use 32 random bytes, e.g. `openssl rand -base64 32`");
        return value;
    }

    private string? Required(string key, string what)
    {
        var value = Value(key);
        if (value is null)
            Error(ConfigErrorCodes.Missing, key, $"required outside the embedded profile: {what}");
        return value;
    }

    private string? Value(string key) => configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private void Error(string code, string key, string message) => _errors.Add(new MeshError(code, key, message));
}
