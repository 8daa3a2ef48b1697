using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;

namespace Article42.Mesh.Gateway;

/// <summary>
/// An operator's connection to the mesh: a message's life (<see cref="TraceAsync"/>) and the mesh's state
/// (<see cref="StatusAsync"/>), each request signed with the operator key, judged, label-filtered and audited by the
/// mesh. Requests are reads, so a transient failure (<c>A42-SRV-001</c>, a timeout, a lost silo) is asked again with
/// backoff until <see cref="MeshOperatorOptions.RequestDeadline"/>, as a gateway retries a submit; a refusal, whether the
/// admin grain's answer or a call the mesh refused outright (<c>A42-SEC-*</c>), is a <see cref="MeshRefusedException"/>.
/// </summary>
public sealed class MeshOperator : IAsyncDisposable
{
    private readonly MeshOperatorOptions _options;
    private readonly IHost _host;
    private readonly IAdminGrain _admin;
    private readonly GrainCalls _calls;
    private readonly ResiliencePipeline _retry;

    private MeshOperator(MeshOperatorOptions options, IHost host)
    {
        _options = options;
        _host = host;
        _admin = host.Services.GetRequiredService<IClusterClient>().GetGrain<IAdminGrain>(0);
        _calls = new GrainCalls(options.CallTimeout, options.TimeProvider);
        _retry = GatewayRetry.Create(options.Retry());
    }

    /// <summary>Connects through its own Orleans client, retrying with backoff until a gateway answers or <paramref name="cancellation"/> fires.</summary>
    public static async Task<MeshOperator> ConnectAsync(MeshOperatorOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MeshOperator(options, await MeshClientBuilder.StartAsync(options.ClientOptions(), cancellation: cancellation).ConfigureAwait(false));
    }

    /// <summary>The life of message <paramref name="messageId"/>; <see cref="MessageTrace.Withheld"/> when it is labelled above the operator's clearance.</summary>
    /// <exception cref="MeshRefusedException">Unknown message (A42-ADM-004), the mesh refused the operator's proof (A42-ADM-001..003) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public async Task<MessageTrace> TraceAsync(string messageId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var outcome = await AskAsync(() => _admin.TraceAsync(Proof(OperatorProofs.Trace, messageId)), $"the trace of {messageId}", cancellation).ConfigureAwait(false);
        return outcome.Trace ?? throw new MeshRefusedException($"no trace of {messageId}", [outcome.Error!]);
    }

    /// <summary>Silos, gateways with their last heartbeat, backlog per participant, open activations.</summary>
    /// <exception cref="MeshRefusedException">The mesh refused the operator's proof (A42-ADM-001..003) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public async Task<MeshStatus> StatusAsync(CancellationToken cancellation = default)
    {
        var outcome = await AskAsync(() => _admin.StatusAsync(Proof(OperatorProofs.Status, "")), "the status", cancellation).ConfigureAwait(false);
        return outcome.Status ?? throw new MeshRefusedException("no status", [outcome.Error!]);
    }

    /// <summary>Closes the connection; the operator key stays the caller's.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _host.Dispose();
    }

    /// <summary>
    /// One request under the SDK's retry pipeline. <paramref name="call"/> signs its proof on every attempt: the mesh
    /// claims each nonce it judges, so an attempt repeating a proof it may have seen would be refused as a replay.
    /// </summary>
    private Task<T> AskAsync<T>(Func<ValueTask<T>> call, string what, CancellationToken cancellation) =>
        _retry.RunAsync(token => _calls.Bounded(call(), token), what, _options.RequestDeadline, cancellation);

    private OperatorProof Proof(string operation, string argument) => OperatorProofs.Create(operation, argument, _options.OperatorKey, _options.TimeProvider.GetUtcNow());
}
