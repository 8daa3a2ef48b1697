namespace Article42.Mesh.Grains;

/// <summary>
/// A grain's journal state, read once, on the first call that needs it rather than in <c>OnActivateAsync</c>: an
/// activation that a refused or unknown caller made then costs no read (docs/operations/security.md, "The client
/// surface"). A failed load deactivates the grain (<paramref name="onFailure"/>), so half-loaded state is never served
/// and the next call loads afresh, as a failed activation would.
/// </summary>
internal sealed class LoadOnce(Func<Task> load, Action onFailure)
{
    private Task? _loading;

    public async Task EnsureAsync()
    {
        _loading ??= load();
        try
        {
            await _loading;
        }
        catch
        {
            onFailure();
            throw;
        }
    }
}
