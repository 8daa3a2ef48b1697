using System.Net;

namespace Article42.Mesh.Gateway;

/// <summary>
/// How an Orleans client reaches the mesh: what <see cref="MeshClientBuilder"/> needs. A gateway and an operator derive
/// theirs from <see cref="MeshGatewayOptions"/> and <see cref="MeshOperatorOptions"/>; other tools set it directly.
/// </summary>
public sealed record MeshClientOptions
{
    /// <summary>Silo gateway endpoints for static clustering; ignored when <see cref="RedisConnectionString"/> is set. Default <see cref="MeshDefaults.GatewayEndpoint"/>.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; init; } = [MeshDefaults.GatewayEndpoint];

    /// <summary>Redis connection string: discover the silos' gateways from the cluster profile's membership table instead of <see cref="Endpoints"/>.</summary>
    public string? RedisConnectionString { get; init; }

    /// <summary>The Orleans cluster id of the mesh (the host's <c>Cluster:ClusterId</c>).</summary>
    public string ClusterId { get; init; } = MeshDefaults.ClusterId;

    /// <summary>The Orleans service id of the mesh (the host's <c>Cluster:ServiceId</c>).</summary>
    public string ServiceId { get; init; } = MeshDefaults.ServiceId;

    /// <summary>TLS to the silos' gateways; null: plain TCP.</summary>
    public MeshTlsOptions? Tls { get; init; }

    /// <summary>The client's response timeout: how long one grain call may take.</summary>
    public required TimeSpan CallTimeout { get; init; }

    /// <summary>
    /// True: a mesh that does not answer yet is retried with backoff until the start is cancelled (a TLS failure that
    /// retrying cannot fix still ends it). False: the first failed attempt fails the start.
    /// </summary>
    public bool RetryConnection { get; init; }

    /// <summary>
    /// With <see cref="RetryConnection"/>: called when a connection attempt found nothing accepting connections at any
    /// gateway endpoint (static endpoints only). Null (default): keep retrying; throwing the exception ends connecting with it.
    /// </summary>
    public Action<MeshUnreachableException>? OnUnreachable { get; init; }

    /// <summary>First delay between connection attempts when <see cref="RetryConnection"/> is true (exponential backoff with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between connection attempts when <see cref="RetryConnection"/> is true.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock the connection backoff waits on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
