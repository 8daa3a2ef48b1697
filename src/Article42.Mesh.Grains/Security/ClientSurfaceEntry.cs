namespace Article42.Mesh.Grains;

/// <summary>
/// One method of the <see cref="ClientSurface"/>: the interface's full name, the method's name, why a client may call
/// it, and the one integer key it may be called on when the grain has a single activation.
/// </summary>
public sealed record ClientSurfaceEntry(string Interface, string Method, string Why, long? OnlyKey = null)
{
    /// <summary><c>Namespace.Interface.Method</c>.</summary>
    public string Name => $"{Interface}.{Method}";
}
