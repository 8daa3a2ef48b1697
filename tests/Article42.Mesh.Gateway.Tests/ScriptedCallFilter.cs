namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A silo call filter a test scripts: for the calls <see cref="Fail"/> picks, it throws what it returns instead of
/// letting the call through. Registered before the mesh's own filters, so it stands where any filter registered
/// early (TLS binding, the dashboard) stands; <see cref="Thrown"/> counts what it threw.
/// </summary>
public sealed class ScriptedCallFilter : IIncomingGrainCallFilter
{
    private long _thrown;

    /// <summary>The exception to throw for a call (by method name and target key), or null to let it through.</summary>
    public Func<string, string, Exception?> Fail { get; set; } = (_, _) => null;

    public long Thrown => Interlocked.Read(ref _thrown);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (Fail(context.MethodName, context.TargetId.Key.ToString()!) is { } failure)
        {
            Interlocked.Increment(ref _thrown);
            throw failure;
        }
        return context.Invoke();
    }
}
