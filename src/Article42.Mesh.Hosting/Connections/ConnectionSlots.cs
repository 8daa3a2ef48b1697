namespace Article42.Mesh.Hosting.Connections;

/// <summary>Counts open connections per key (an address, a certificate) against a cap; a key leaves when its last connection closes.</summary>
internal sealed class ConnectionSlots
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for <paramref name="key"/>; false (nothing taken) when it already holds <paramref name="cap"/>.</summary>
    public bool TryTake(string key, int cap)
    {
        lock (_gate)
        {
            _open.TryGetValue(key, out var open);
            if (open >= cap)
                return false;
            _open[key] = open + 1;
            return true;
        }
    }

    public void Release(string key)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(key, out var open) && open > 1)
                _open[key] = open - 1;
            else
                _open.Remove(key);
        }
    }

    /// <summary>Open connections of <paramref name="key"/>.</summary>
    public int Count(string key)
    {
        lock (_gate)
            return _open.GetValueOrDefault(key);
    }
}
