namespace Article42.Mesh.Grains;

/// <summary>The last few thousand message ids an inbox stored: a redelivery usually follows closely, so most duplicates are caught without a query.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Contains(string id) => _ids.Contains(id);

    public void Add(string id)
    {
        if (!_ids.Add(id))
            return;
        _order.Enqueue(id);
        if (_order.Count > capacity)
            _ids.Remove(_order.Dequeue());
    }
}
