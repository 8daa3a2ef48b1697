using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Gateway;

/// <summary>
/// An operator's connection to the mesh: a message's life (<see cref="TraceAsync"/>) and the mesh's state
/// (<see cref="StatusAsync"/>), each request signed with the operator key, judged, label-filtered and audited by the
/// mesh. Requests are reads: a failed one may simply be asked again (with a fresh proof).
/// </summary>
public sealed class MeshOperator : IAsyncDisposable
{
    private readonly MeshOperatorOptions _options;
    private readonly IHost _host;
    private readonly IAdminGrain _admin;

    private MeshOperator(MeshOperatorOptions options, IHost host)
    {
        _options = options;
        _host = host;
        _admin = host.Services.GetRequiredService<IClusterClient>().GetGrain<IAdminGrain>(0);
    }

    /// <summary>Connects through its own Orleans client, retrying with backoff until a gateway answers or <paramref name="cancellation"/> fires.</summary>
    public static async Task<MeshOperator> ConnectAsync(MeshOperatorOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MeshOperator(options, await MeshClientBuilder.StartAsync(options.ClientOptions(), cancellation: cancellation).ConfigureAwait(false));
    }

    /// <summary>The life of message <paramref name="messageId"/>; <see cref="MessageTrace.Withheld"/> when it is labelled above the operator's clearance.</summary>
    /// <exception cref="MeshRefusedException">Unknown message (A42-ADM-004), or the mesh refused the operator's proof (A42-ADM-001..003).</exception>
    public async Task<MessageTrace> TraceAsync(string messageId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var outcome = await _admin.TraceAsync(Proof(OperatorProofs.Trace, messageId)).AsTask().WaitAsync(_options.CallTimeout, cancellation).ConfigureAwait(false);
        return outcome.Trace ?? throw new MeshRefusedException($"no trace of {messageId}", [outcome.Error!]);
    }

    /// <summary>Silos, gateways with their last heartbeat, backlog per participant, open activations.</summary>
    /// <exception cref="MeshRefusedException">The mesh refused the operator's proof (A42-ADM-001..003).</exception>
    public async Task<MeshStatus> StatusAsync(CancellationToken cancellation = default)
    {
        var outcome = await _admin.StatusAsync(Proof(OperatorProofs.Status, "")).AsTask().WaitAsync(_options.CallTimeout, cancellation).ConfigureAwait(false);
        return outcome.Status ?? throw new MeshRefusedException("no status", [outcome.Error!]);
    }

    /// <summary>Closes the connection; the operator key stays the caller's.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _host.Dispose();
    }

    private OperatorProof Proof(string operation, string argument) => OperatorProofs.Create(operation, argument, _options.OperatorKey, DateTimeOffset.UtcNow);
}
