using System.Net;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// How a command finds the mesh: <c>--gateway HOST:PORT[,...]</c> (repeatable), else <c>A42_GATEWAY</c>, else
/// <see cref="MeshDefaults.GatewayEndpoint"/>. A multi-silo mesh is reached through a list of its gateway endpoints; no
/// command takes the membership Redis (docs/operations/security.md).
/// </summary>
public sealed class GatewayOptions
{
    public Option<string[]> Gateway { get; } = new("--gateway")
    {
        Description = $"Silo gateway endpoints, HOST:PORT[,...]; repeat for more (default: $A42_GATEWAY, else {MeshDefaults.GatewayEndpoint}).",
        HelpName = "HOST:PORT",
        AllowMultipleArgumentsPerToken = false,
    };

    public GatewayTlsOptions Tls { get; } = new();

    public IEnumerable<Option> All => [Gateway, .. Tls.All];

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
            // The store's operator.pub: what the mesh's registry document is checked with, so received messages are verified (issue 21).
            OperatorPublicKey = TrustStore.OperatorPublicKeyOf(store.Directory),
            Connection = Connection(parse, Tls.Resolve(parse, participant, keys)),
            StateDirectory = state,
            // A command reads its key once and never reloads it: a send under a key a rotation replaced is refused at once.
            KeyReloadWait = TimeSpan.Zero,
        };
    }

    /// <summary>How to reach the mesh: the endpoints of <see cref="Endpoints"/> with <paramref name="tls"/>.</summary>
    public MeshConnection Connection(ParseResult parse, MeshTlsOptions? tls) => new() { Endpoints = Endpoints(parse), Tls = tls };

    /// <summary>The endpoints of every <c>--gateway</c>, else <c>A42_GATEWAY</c>, else the default.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints(ParseResult parse) => ParseEndpoints(
        parse.GetValue(Gateway) is { Length: > 0 } given ? string.Join(',', given)
            : Environment.GetEnvironmentVariable("A42_GATEWAY") ?? MeshDefaults.GatewayEndpoint.ToString());

    /// <summary>HOST:PORT[,...] as endpoints; anything else is refused naming <c>--gateway</c>.</summary>
    public static IReadOnlyList<IPEndPoint> ParseEndpoints(string value) =>
        [.. OptionValues.Ids(value).Select(e => IPEndPoint.TryParse(e, out var endpoint)
            ? endpoint
            : throw new CliException(CliErrorCodes.BadOptionValue, "--gateway", $"'{e}' is not HOST:PORT (an IP address and a port)"))];
}
