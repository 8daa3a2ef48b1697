using System.Net;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// How a command finds the mesh: <c>--gateway HOST:PORT[,...]</c>, else <c>A42_GATEWAY</c>, else <see cref="MeshDefaults.GatewayEndpoint"/>; or
/// <c>--redis CONN</c> (else <c>A42_REDIS</c>) to discover the silos of the cluster profile from their membership table.
/// </summary>
public sealed class GatewayOptions
{
    public Option<string?> Gateway { get; } = new("--gateway") { Description = $"Silo gateway endpoints, HOST:PORT[,...] (default: $A42_GATEWAY, else {MeshDefaults.GatewayEndpoint}).", HelpName = "HOST:PORT" };

    public Option<string?> Redis { get; } = new("--redis") { Description = "Redis connection string of a cluster-profile mesh: discover its gateways there (default: $A42_REDIS).", HelpName = "CONN" };

    public GatewayTlsOptions Tls { get; } = new();

    public IEnumerable<Option> All => [Gateway, Redis, .. Tls.All];

    /// <summary>The SDK options of a gateway speaking for <paramref name="participant"/> with the trust store's key (and TLS, see <see cref="GatewayTlsOptions"/>).</summary>
    public MeshGatewayOptions For(ParseResult parse, string participant, string? keys, string? state = null)
    {
        var store = TrustStoreLocator.Store(keys);
        if (!store.Registry.Contains(participant))
            throw new CliException(CliErrorCodes.BadOptionValue, "--as", $"'{participant}' is not a participant of the trust store's registry");
        return new MeshGatewayOptions
        {
            Participant = participant,
            PrivateKey = store.LoadPrivateKey(participant),
            Endpoints = Endpoints(parse),
            RedisConnectionString = RedisOf(parse),
            StateDirectory = state,
            Tls = Tls.Resolve(parse, participant, keys),
        };
    }

    public string? RedisOf(ParseResult parse) =>
        parse.GetValue(Redis) ?? (Environment.GetEnvironmentVariable("A42_REDIS") is { Length: > 0 } redis ? redis : null);

    /// <summary>The endpoints of <c>--gateway</c>, else <c>A42_GATEWAY</c>, else the default.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints(ParseResult parse) => ParseEndpoints(
        parse.GetValue(Gateway) ?? Environment.GetEnvironmentVariable("A42_GATEWAY") ?? MeshDefaults.GatewayEndpoint.ToString());

    /// <summary>HOST:PORT[,...] as endpoints; anything else is refused naming <c>--gateway</c>.</summary>
    public static IReadOnlyList<IPEndPoint> ParseEndpoints(string value) =>
        [.. OptionValues.Ids(value).Select(e => IPEndPoint.TryParse(e, out var endpoint)
            ? endpoint
            : throw new CliException(CliErrorCodes.BadOptionValue, "--gateway", $"'{e}' is not HOST:PORT (an IP address and a port)"))];
}
