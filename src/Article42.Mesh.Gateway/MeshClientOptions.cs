namespace Article42.Mesh.Gateway;

/// <summary>
/// How an Orleans client of the mesh is run: where it connects (<see cref="Connection"/>, shared with
/// <see cref="MeshGatewayOptions"/> and <see cref="MeshOperatorOptions"/>, which derive theirs) and how it waits and retries.
/// What <see cref="MeshClientBuilder"/> needs; other tools set it directly.
/// </summary>
public sealed record MeshClientOptions
{
    /// <summary>How to reach the mesh: its gateway endpoints, cluster ids and TLS.</summary>
    public MeshConnection Connection { get; init; } = new();

    /// <summary>The client's response timeout: how long one grain call may take.</summary>
    public required TimeSpan CallTimeout { get; init; }

    /// <summary>
    /// True: a mesh that does not answer yet is retried with backoff until the start is cancelled (a TLS failure that
    /// retrying cannot fix still ends it). False: the first failed attempt fails the start.
    /// </summary>
    public bool RetryConnection { get; init; }

    /// <summary>
    /// With <see cref="RetryConnection"/>: called when a connection attempt found nothing accepting connections at any
    /// gateway endpoint. Null (default): keep retrying; throwing the exception ends connecting with it.
    /// </summary>
    public Action<MeshUnreachableException>? OnUnreachable { get; init; }

    /// <summary>First delay between connection attempts when <see cref="RetryConnection"/> is true (exponential backoff with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between connection attempts when <see cref="RetryConnection"/> is true.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock the connection backoff waits on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
