using Article42.Mesh.Gateway;

namespace Article42.Mesh.Exercises;

/// <summary>
/// How the simulated participants reach the mesh: each through its own Orleans client and gateway connection, with its
/// own TLS client certificate (<see cref="PerParticipant"/>, as real gateways do: a refused certificate or a cut
/// connection touches that participant only), or all over one client the caller owns (<see cref="Shared"/>: an
/// in-process test cluster, or an embedded mesh where 30 clients would cost more than they show).
/// </summary>
public sealed class ParticipantConnections
{
    private readonly IClusterClient? _shared;
    private readonly Func<string, MeshConnection>? _connectionOf;
    private readonly Action<MeshUnreachableException>? _onUnreachable;

    private ParticipantConnections(IClusterClient? shared, Func<string, MeshConnection>? connectionOf, Action<MeshUnreachableException>? onUnreachable)
    {
        _shared = shared;
        _connectionOf = connectionOf;
        _onUnreachable = onUnreachable;
    }

    /// <summary>Whether each participant has its own client.</summary>
    public bool OwnClients => _shared is null;

    /// <summary>Every participant's gateway over <paramref name="client"/>, which the caller keeps connected and disposes.</summary>
    public static ParticipantConnections Shared(IClusterClient client) => new(client ?? throw new ArgumentNullException(nameof(client)), null, null);

    /// <summary>
    /// Each participant's gateway through its own Orleans client, connected as <paramref name="connectionOf"/> says for
    /// that participant (endpoints and its TLS certificate); <paramref name="onUnreachable"/> as <see cref="MeshGatewayOptions.OnUnreachable"/>.
    /// </summary>
    public static ParticipantConnections PerParticipant(Func<string, MeshConnection> connectionOf, Action<MeshUnreachableException>? onUnreachable = null) =>
        new(null, connectionOf ?? throw new ArgumentNullException(nameof(connectionOf)), onUnreachable);

    internal async Task<MeshGateway> ConnectAsync(MeshGatewayOptions options, CancellationToken cancellation) =>
        _shared is not null
            ? MeshGateway.Attach(_shared, options)
            : await MeshGateway.ConnectAsync(options with { Connection = _connectionOf!(options.Participant), OnUnreachable = _onUnreachable }, cancellation);
}
