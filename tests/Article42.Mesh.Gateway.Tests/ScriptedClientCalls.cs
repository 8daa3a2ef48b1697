using System.Collections.Concurrent;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A client-side call filter a test scripts: the next calls of a method fail on the client with the exception the
/// script makes, as Orleans fails them when the connection drops or the silo shuts down, before anything reaches a
/// silo. Every exception a call brought back to the client, scripted or not, is recorded (<see cref="Seen"/>).
/// </summary>
public sealed class ScriptedClientCalls
{
    private readonly ConcurrentDictionary<string, (int Left, Func<Exception> Make)> _script = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, Exception Failure)> _seen = new();

    public IReadOnlyList<(string Method, Exception Failure)> Seen => [.. _seen];

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with what <paramref name="make"/> makes.</summary>
    public void Fail(string method, int times, Func<Exception> make) => _script[method] = (times, make);

    public async Task InvokeAsync(IOutgoingGrainCallContext context)
    {
        try
        {
            if (_script.TryGetValue(context.MethodName, out var scripted) && scripted.Left > 0
                && _script.TryUpdate(context.MethodName, scripted with { Left = scripted.Left - 1 }, scripted))
                throw scripted.Make();
            await context.Invoke();
        }
        catch (Exception failure)
        {
            _seen.Enqueue((context.MethodName, failure));
            throw;
        }
    }
}
