using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Gateway;

/// <summary>
/// The gateway's Orleans client and the participant grain's reference made from it. A client the gateway started itself
/// (<see cref="MeshGateway.ConnectAsync"/>) can be replaced by a fresh one (a new client id, new connections): the way
/// out when the silo holds the old client as disconnected while its connection stays open (issue 20, see
/// docs/gateway-sdk.md "After a connection cut"). A client the caller owns (<see cref="MeshGateway.Attach"/>) is never replaced.
/// </summary>
internal sealed class ClientLink
{
    private readonly string _participant;
    private readonly Func<CancellationToken, Task<IHost>>? _connect;
    private volatile Client _current;
    private int _replacements;

    public ClientLink(IGrainFactory grains, IHost? host, string participant, Func<CancellationToken, Task<IHost>>? connect)
    {
        _participant = participant;
        _connect = connect;
        _current = new Client(grains, host, grains.GetGrain<IParticipantGrain>(participant));
    }

    public IGrainFactory Grains => _current.Grains;

    public IParticipantGrain Grain => _current.Grain;

    /// <summary>Whether this link started its client (and so may replace it).</summary>
    public bool CanReplace => _connect is not null;

    /// <summary>How many times the client was replaced.</summary>
    public int Replacements => Volatile.Read(ref _replacements);

    /// <summary>Starts a fresh client, makes it current, then stops the old one.</summary>
    public async Task ReplaceAsync(CancellationToken cancellation)
    {
        if (_connect is null)
            return;
        var host = await _connect(cancellation).ConfigureAwait(false);
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var old = _current;
        _current = new Client(grains, host, grains.GetGrain<IParticipantGrain>(_participant));
        Interlocked.Increment(ref _replacements);
        await StopAsync(old.Host).ConfigureAwait(false);
    }

    /// <summary>Stops the current client if this link started it.</summary>
    public Task StopAsync() => StopAsync(_current.Host);

    private static async Task StopAsync(IHost? host)
    {
        if (host is null)
            return;
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        host.Dispose();
    }

    private sealed record Client(IGrainFactory Grains, IHost? Host, IParticipantGrain Grain);
}
