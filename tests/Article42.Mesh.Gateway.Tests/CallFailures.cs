using System.Collections.Concurrent;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>A client-side outgoing filter that records every exception a grain call brought back, as the client received it.</summary>
public sealed class CallFailures
{
    private readonly ConcurrentQueue<(string Method, Exception Failure)> _seen = new();

    public IReadOnlyList<(string Method, Exception Failure)> Seen => [.. _seen];

    public async Task InvokeAsync(IOutgoingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception failure)
        {
            _seen.Enqueue((context.MethodName, failure));
            throw;
        }
    }
}
