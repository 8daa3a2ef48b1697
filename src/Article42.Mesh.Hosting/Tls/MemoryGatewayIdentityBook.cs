using System.Collections.Concurrent;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>The book of the embedded profile: one silo takes every connection and hosts every grain.</summary>
internal sealed class MemoryGatewayIdentityBook : IGatewayIdentityBook
{
    private readonly ConcurrentDictionary<string, string> _bound = new(StringComparer.Ordinal);

    public Task<bool> BindAsync(string client, string participant) =>
        Task.FromResult(_bound.GetOrAdd(client, participant) == participant);

    public Task<string?> FindAsync(string client) =>
        Task.FromResult(_bound.TryGetValue(client, out var participant) ? participant : null);
}
