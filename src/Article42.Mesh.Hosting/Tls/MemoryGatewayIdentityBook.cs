using System.Collections.Concurrent;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>The book of the embedded profile: one silo takes every connection and hosts every grain.</summary>
internal sealed class MemoryGatewayIdentityBook : IGatewayIdentityBook
{
    private readonly ConcurrentDictionary<string, string> bound = new(StringComparer.Ordinal);

    public Task<bool> BindAsync(string client, string participant) =>
        Task.FromResult(bound.GetOrAdd(client, participant) == participant);

    public Task<string?> FindAsync(string client) =>
        Task.FromResult(bound.TryGetValue(client, out var participant) ? participant : null);
}
