using System.Net;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.Cli.Commands;

/// <summary>How a gateway command finds the mesh: <c>--gateway HOST:PORT[,...]</c>, else <c>A42_GATEWAY</c>, else 127.0.0.1:30000.</summary>
public static class GatewayOptions
{
    public const string DefaultGateway = "127.0.0.1:30000";

    public static Option<string?> Gateway() => new("--gateway") { Description = $"Silo gateway endpoints, HOST:PORT[,...] (default: $A42_GATEWAY, else {DefaultGateway})." };

    /// <summary>The SDK options of a gateway speaking for <paramref name="participant"/> with the trust store's key (and TLS, see <see cref="GatewayTlsOptions"/>).</summary>
    public static MeshGatewayOptions For(string participant, string? gateway, string? keys, string? state = null, MeshTlsOptions? tls = null)
    {
        var endpoints = gateway ?? Environment.GetEnvironmentVariable("A42_GATEWAY") ?? DefaultGateway;
        var store = TrustStoreLocator.Store(keys);
        if (!store.Registry.Contains(participant))
            throw new CliException(CliErrorCodes.BadOptionValue, "--as", $"'{participant}' is not a participant of the trust store's registry");
        return new MeshGatewayOptions
        {
            Participant = participant,
            PrivateKey = store.LoadPrivateKey(participant),
            Endpoints = [.. OptionValues.Ids(endpoints).Select(e => IPEndPoint.TryParse(e, out var endpoint)
                ? endpoint
                : throw new CliException(CliErrorCodes.BadOptionValue, "--gateway", $"'{e}' is not HOST:PORT (an IP address and a port)"))],
            StateDirectory = state,
            Tls = tls,
        };
    }
}
