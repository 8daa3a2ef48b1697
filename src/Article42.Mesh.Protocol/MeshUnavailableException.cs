namespace Article42.Mesh.Protocol;

/// <summary>
/// The mesh could not serve a client's call now (<see cref="ErrorCodes.MeshUnavailable"/>): something failed inside the
/// silo (the journal's database restarting, a silo leaving) that says nothing about the request. Transient: retry.
/// The silo logs the failure in full under <see cref="CorrelationId"/> (within its log rate); only this typed error crosses.
/// </summary>
[GenerateSerializer, Alias("a42.mesh-unavailable")]
public sealed class MeshUnavailableException : MeshCallException
{
    /// <summary>The transient error for a call to <paramref name="method"/>, logged on the silo as <paramref name="correlationId"/>.</summary>
    public MeshUnavailableException(string method, string correlationId)
        : base(new MeshError(ErrorCodes.MeshUnavailable, method, $"the mesh could not serve the call now; retry (correlation id {correlationId})"))
    {
        CorrelationId = correlationId;
    }

    /// <summary>The id under which the silo logs the failure in full: quote it to the mesh's operators.</summary>
    [Id(0)]
    public string CorrelationId { get; }
}
