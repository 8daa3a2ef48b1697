using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Orleans.Connections.Security;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The silo's established TLS connections with the peer certificate each was opened with, so that a certificate
/// revoked while they are open loses them at once instead of at its next reconnect (docs/operations/tls.md#revocation).
/// </summary>
internal sealed class OpenTlsConnections
{
    private readonly ConcurrentDictionary<ConnectionContext, (X509Certificate2 Peer, string Endpoint)> _open = new();

    /// <summary>Records <paramref name="context"/> until the returned handle is disposed; null when the peer presented no certificate.</summary>
    public IDisposable? Track(ConnectionContext context, string endpoint)
    {
        if (context.Features.Get<ITlsConnectionFeature>()?.RemoteCertificate is not { } peer)
            return null;
        _open[context] = (peer, endpoint);
        return new Tracked(this, context);
    }

    /// <summary>Aborts every open connection whose peer <paramref name="problem"/> refuses now, returning each with its endpoint and the reason.</summary>
    public IReadOnlyList<(string Endpoint, string Problem)> CloseWhere(Func<X509Certificate2, string?> problem)
    {
        var closed = new List<(string, string)>();
        foreach (var (context, (peer, endpoint)) in _open)
        {
            if (problem(peer) is not { } why || !_open.TryRemove(context, out _))
                continue;
            context.Abort(new ConnectionAbortedException(why));
            closed.Add((endpoint, why));
        }

        return closed;
    }

    private sealed class Tracked(OpenTlsConnections open, ConnectionContext context) : IDisposable
    {
        public void Dispose() => open._open.TryRemove(context, out _);
    }
}
