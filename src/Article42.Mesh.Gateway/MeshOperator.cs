using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;

namespace Article42.Mesh.Gateway;

/// <summary>
/// An operator's connection to the mesh: a message's life (<see cref="TraceAsync"/>), the mesh's state
/// (<see cref="StatusAsync"/>) and its registry (<see cref="RegistryAsync"/>, <see cref="PublishRegistryAsync"/>), each request signed with the operator key, judged, label-filtered and audited by the
/// mesh. Requests are reads, or a publish that is answered as done when repeated, so a transient failure (<c>A42-SRV-001</c>, a timeout, a lost silo) is asked again with
/// backoff until <see cref="MeshOperatorOptions.RequestDeadline"/>, as a gateway retries a submit; a refusal, whether the
/// admin grain's answer or a call the mesh refused outright (<c>A42-SEC-*</c>), is a <see cref="MeshRefusedException"/>.
/// </summary>
public sealed partial class MeshOperator : IAsyncDisposable
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

    /// <summary>The newest registry document the mesh holds (UTF-8 JSON): operator-signed from the journal, or the answering silo's own registry, unsigned, when it is newer.</summary>
    /// <exception cref="MeshRefusedException">The mesh refused the operator's proof (A42-ADM-001..003) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public async Task<byte[]> RegistryAsync(CancellationToken cancellation = default)
    {
        var outcome = await AskAsync(() => _admin.RegistryAsync(Proof(OperatorProofs.ReadRegistry, "")), "the registry", cancellation).ConfigureAwait(false);
        return outcome.Document ?? throw new MeshRefusedException("no registry", [outcome.Error!]);
    }

    /// <summary>
    /// Publishes <paramref name="document"/>, a registry document signed with the operator key (UTF-8 JSON), for every
    /// silo to apply; each attempt's proof covers the document's digest. A retry after a lost answer is answered as
    /// published and appends nothing twice.
    /// </summary>
    /// <exception cref="MeshRefusedException">The mesh refused the document (A42-REG-001..004), the operator's proof (A42-ADM-001..003) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public async Task<byte[]> PublishRegistryAsync(byte[] document, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var digest = OperatorProofs.DocumentDigest(document);
        var outcome = await AskAsync(() => _admin.PublishRegistryAsync(Proof(OperatorProofs.PublishRegistry, digest), document), "the registry publish", cancellation).ConfigureAwait(false);
        return outcome.Document ?? throw new MeshRefusedException("registry not published", [outcome.Error!]);
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
