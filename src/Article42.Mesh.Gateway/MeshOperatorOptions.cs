using System.Net;
using System.Security.Cryptography;

namespace Article42.Mesh.Gateway;

/// <summary>How an operator's tool (<c>a42 trace</c>, <c>a42 status</c>) reaches the mesh and proves it is the operator.</summary>
public sealed record MeshOperatorOptions
{
    /// <summary>The operator's private key (<c>operator.pem</c>), whose public half the silos hold as <c>operator.pub</c>.</summary>
    public required ECDsa OperatorKey { get; init; }

    /// <summary>Silo gateway endpoints for static clustering; ignored when <see cref="RedisConnectionString"/> is set. Default <see cref="MeshDefaults.GatewayEndpoint"/>.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; init; } = [MeshDefaults.GatewayEndpoint];

    /// <summary>Redis connection string: discover the silos' gateways from the cluster profile's membership table.</summary>
    public string? RedisConnectionString { get; init; }

    /// <summary>The Orleans cluster id of the mesh (the host's <c>Cluster:ClusterId</c>).</summary>
    public string ClusterId { get; init; } = MeshDefaults.ClusterId;

    /// <summary>The Orleans service id of the mesh (the host's <c>Cluster:ServiceId</c>).</summary>
    public string ServiceId { get; init; } = MeshDefaults.ServiceId;

    /// <summary>TLS to the silos' gateways (the operator's client certificate and the mesh's CA); null: plain TCP.</summary>
    public MeshTlsOptions? Tls { get; init; }

    /// <summary>
    /// Called when a connection attempt found nothing accepting connections at any gateway endpoint (static endpoints
    /// only). Null (default): keep retrying. A one-shot tool throws the exception to end connecting with it; a long-running
    /// one says so and returns, and connecting goes on.
    /// </summary>
    public Action<MeshUnreachableException>? OnUnreachable { get; init; }

    /// <summary>Bound on one request; <c>a42 status</c> asks every participant grain, so it is longer than a gateway's.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The Orleans client of <see cref="MeshOperator.ConnectAsync"/>: connection attempts retried until the caller cancels.</summary>
    internal MeshClientOptions ClientOptions() => new()
    {
        Endpoints = Endpoints,
        RedisConnectionString = RedisConnectionString,
        ClusterId = ClusterId,
        ServiceId = ServiceId,
        Tls = Tls,
        CallTimeout = CallTimeout,
        RetryConnection = true,
        OnUnreachable = OnUnreachable,
    };
}
