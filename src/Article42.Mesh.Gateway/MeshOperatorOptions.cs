using System.Security.Cryptography;

namespace Article42.Mesh.Gateway;

/// <summary>How an operator's tool (<c>a42 trace</c>, <c>a42 status</c>) reaches the mesh and proves it is the operator.</summary>
public sealed record MeshOperatorOptions
{
    /// <summary>The operator's private key (<c>operator.pem</c>), whose public half the silos hold as <c>operator.pub</c>.</summary>
    public required ECDsa OperatorKey { get; init; }

    /// <summary>How to reach the mesh: its gateway endpoints, cluster ids and TLS (the operator's client certificate). Default: a local <c>a42 mesh up</c>.</summary>
    public MeshConnection Connection { get; init; } = new();

    /// <summary>
    /// Called when a connection attempt found nothing accepting connections at any gateway endpoint of
    /// <see cref="Connection"/>. Null (default): keep retrying. A one-shot tool throws the exception to end connecting with it; a long-running
    /// one says so and returns, and connecting goes on.
    /// </summary>
    public Action<MeshUnreachableException>? OnUnreachable { get; init; }

    /// <summary>Bound on one request; <c>a42 status</c> asks every participant grain, so it is longer than a gateway's.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The Orleans client of <see cref="MeshOperator.ConnectAsync"/>: connection attempts retried until the caller cancels.</summary>
    internal MeshClientOptions ClientOptions() => new()
    {
        Connection = Connection,
        CallTimeout = CallTimeout,
        RetryConnection = true,
        OnUnreachable = OnUnreachable,
    };
}
