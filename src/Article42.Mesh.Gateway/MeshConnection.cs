using System.Net;

namespace Article42.Mesh.Gateway;

/// <summary>
/// How to reach the mesh: the silos' gateway endpoints, the cluster's ids and TLS. The one record a national gateway
/// (<see cref="MeshGatewayOptions.Connection"/>), an operator tool (<see cref="MeshOperatorOptions.Connection"/>) and any
/// other Orleans client of the mesh (<see cref="MeshClientOptions.Connection"/>) share. It holds no credential of the
/// cluster's own stores: a client finds the mesh by its gateway endpoints, never through the membership Redis or the
/// journal's PostgreSQL (docs/operations/security.md).
/// </summary>
public sealed record MeshConnection
{
    /// <summary>
    /// The silos' gateway endpoints (a multi-silo mesh: several, or one load-balanced address); the client connects to
    /// any that answers and moves to another when one goes. Default <see cref="MeshDefaults.GatewayEndpoint"/>.
    /// </summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; init; } = [MeshDefaults.GatewayEndpoint];

    /// <summary>The Orleans cluster id of the mesh (the host's <c>Cluster:ClusterId</c>).</summary>
    public string ClusterId { get; init; } = MeshDefaults.ClusterId;

    /// <summary>The Orleans service id of the mesh (the host's <c>Cluster:ServiceId</c>).</summary>
    public string ServiceId { get; init; } = MeshDefaults.ServiceId;

    /// <summary>TLS to the silos' gateways: the CA their certificates chain to and this client's certificate. Null: plain TCP.</summary>
    public MeshTlsOptions? Tls { get; init; }
}
