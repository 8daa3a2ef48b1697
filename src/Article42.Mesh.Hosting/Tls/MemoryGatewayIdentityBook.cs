namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The book of the embedded profile: one silo takes every connection and hosts every grain, so the book is its memory,
/// and a client id's entry goes with its last connection.
/// </summary>
internal sealed class MemoryGatewayIdentityBook : IGatewayIdentityBook
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task<GatewayBinding?> BindAsync(string client, GatewayBinding binding)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(client, out var entry))
                _entries[client] = entry = new Entry(binding.Participant);
            if (entry.Participant != binding.Participant)
                return Task.FromResult<GatewayBinding?>(new GatewayBinding(entry.Participant, "", ""));
            if (entry.Holders.FirstOrDefault(h => h.Value != binding.Thumbprint) is { Key: not null } other)
                return Task.FromResult<GatewayBinding?>(new GatewayBinding(entry.Participant, other.Value, other.Key));
            entry.Holders[binding.Holder] = binding.Thumbprint;
            return Task.FromResult<GatewayBinding?>(null);
        }
    }

    public Task ReleaseAsync(string client, GatewayBinding binding)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(client, out var entry) && entry.Holders.Remove(binding.Holder) && entry.Holders.Count == 0)
                _entries.Remove(client);
        }

        return Task.CompletedTask;
    }

    public Task<string?> FindAsync(string client)
    {
        lock (_entries)
            return Task.FromResult(_entries.TryGetValue(client, out var entry) ? entry.Participant : null);
    }

    /// <summary>A client id's participant and its connections (holder → certificate thumbprint).</summary>
    private sealed class Entry(string participant)
    {
        public string Participant { get; } = participant;

        public Dictionary<string, string> Holders { get; } = new(StringComparer.Ordinal);
    }
}
