using System.Collections.Concurrent;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A silo call filter standing before the mesh's own (where a TLS binding or the dashboard stand): it records the nonce of
/// every operator request that reaches the admin grain, and refuses them outright with <see cref="Refusal"/> while a
/// test sets one, as the mesh refuses a call outside the client surface.
/// </summary>
public sealed class AdminCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentQueue<string> _nonces = new();

    /// <summary>The nonces of the operator requests seen, in arrival order: one per attempt.</summary>
    public IReadOnlyList<string> Nonces => [.. _nonces];

    /// <summary>When set, every operator request is refused with it (a <see cref="MeshCallRefusedException"/>).</summary>
    public MeshError? Refusal { get; set; }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType != typeof(IAdminGrain))
            return context.Invoke();
        _nonces.Enqueue(((OperatorProof)context.Request.GetArgument(0)!).Nonce);
        return Refusal is { } refusal ? throw new MeshCallRefusedException(refusal) : context.Invoke();
    }
}
