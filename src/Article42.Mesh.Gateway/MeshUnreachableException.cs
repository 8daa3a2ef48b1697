using System.Net;

namespace Article42.Mesh.Gateway;

/// <summary>
/// A connection attempt found nothing accepting connections at any of the mesh's gateway endpoints: no mesh runs
/// there (yet), or a firewall drops the connections. Given to <see cref="MeshGatewayOptions.OnUnreachable"/>, which
/// throws it to stop connecting or reports it and lets connecting go on.
/// </summary>
public sealed class MeshUnreachableException : Exception
{
    /// <summary>Nothing answered at <paramref name="endpoints"/>.</summary>
    public MeshUnreachableException(IReadOnlyList<IPEndPoint> endpoints)
        : base($"cannot reach a mesh at {string.Join(",", endpoints ?? [])}")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Endpoints = endpoints;
    }

    /// <summary>The endpoints that were tried.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; }
}
