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

    /// <summary>
    /// How long <see cref="MeshOperator.TraceAsync"/> and <see cref="MeshOperator.StatusAsync"/> keep asking again after a
    /// transient failure (the mesh could not serve the call now, <c>A42-SRV-001</c>; a timeout; a lost silo) before giving
    /// up with a <see cref="TimeoutException"/>. Refusals are answers and are never asked again.
    /// </summary>
    public TimeSpan RequestDeadline { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>First delay between attempts, of a request and of a connection (exponential backoff with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between attempts, of a request and of a connection.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock of the backoff, the request deadline and the operator proofs' issue time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The Orleans client of <see cref="MeshOperator.ConnectAsync"/>: connection attempts retried until the caller cancels.</summary>
    internal MeshClientOptions ClientOptions() => new()
    {
        Connection = Connection,
        CallTimeout = CallTimeout,
        RetryConnection = true,
        OnUnreachable = OnUnreachable,
        RetryBaseDelay = RetryBaseDelay,
        RetryMaxDelay = RetryMaxDelay,
        TimeProvider = TimeProvider,
    };

    /// <summary>How <see cref="MeshOperator"/>'s requests are retried.</summary>
    internal RetrySchedule Retry() => new(RequestDeadline, RetryBaseDelay, RetryMaxDelay, TimeProvider);
}
