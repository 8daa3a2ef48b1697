using System.Threading.Channels;

namespace Article42.Mesh.Gateway;

/// <summary>
/// What <see cref="MeshGatewayOptions.VerifyReceived"/> does (issue #21): reads the mesh's operator-signed registry
/// document through the consuming session when the inbox starts, every <see cref="MeshGatewayOptions.RegistryPollInterval"/>
/// and when a message names a key id the held registry lacks (at most once a second: such a message waits for the next
/// read, so a stream of them costs one read a second, not one each); keeps the newest that verifies; raises <see cref="RegistryRejected"/> for one it
/// refuses and <see cref="ReceivedMessageRejected"/> for a message that fails its check.
/// </summary>
internal sealed class ReceivedChecks(
    HeldRegistry held, Func<IParticipantGrain> grain, MeshSession session, GrainCalls calls, MeshGatewayOptions options, ChannelWriter<PendingEvent> events)
{
    private static readonly TimeSpan UnknownKeyReadGap = TimeSpan.FromSeconds(1);
    private DateTimeOffset? _lastRead;
    private MeshError? _lastRefusal;

    /// <summary>Whether the gateway holds a verified registry: until it does, nothing is fetched, so nothing is handed unchecked.</summary>
    public bool HasRegistry => held.Current is not null;

    /// <summary>Reads the registry if the gateway holds none yet or the poll interval has passed.</summary>
    public Task RefreshIfDueAsync(CancellationToken cancellation) =>
        !HasRegistry || _lastRead is not { } last || options.TimeProvider.GetUtcNow() - last >= options.RegistryPollInterval
            ? RefreshAsync(cancellation)
            : Task.CompletedTask;

    /// <summary>The rejection of <paramref name="message"/> (its document <paramref name="intact"/> or not: <see cref="ReceivedDocuments"/>), or null when it verifies.</summary>
    public async Task<ReceivedMessageRejected?> RejectionAsync(InboxMessage message, bool intact, CancellationToken cancellation)
    {
        var reason = held.Judge(message, intact);
        if (reason == ReceivedRejection.UnknownKey)
        {
            // A key rotated after the gateway last read the registry: read it again before judging, waiting for the gap
            // after the last read first, so a stream of messages under unknown keys costs one read a second.
            if (_lastRead is { } last && last + UnknownKeyReadGap - options.TimeProvider.GetUtcNow() is { Ticks: > 0 } wait)
                await Task.Delay(wait, options.TimeProvider, cancellation).ConfigureAwait(false);
            await RefreshAsync(cancellation).ConfigureAwait(false);
            reason = held.Judge(message, intact);
        }
        return reason is { } rejected
            ? new ReceivedMessageRejected(message.Envelope.MsgId, message.Envelope.From, message.KeyId, rejected, options.TimeProvider.GetUtcNow(), message)
            : null;
    }

    private async Task RefreshAsync(CancellationToken cancellation)
    {
        _lastRead = options.TimeProvider.GetUtcNow();
        var outcome = await calls.WithSessionAsync(session, t => grain().RegistryDocumentAsync(t), o => o.Error is null ? [] : [o.Error], cancellation).ConfigureAwait(false);
        if (outcome.Error is { } error && !error.Code.StartsWith("A42-REG-", StringComparison.Ordinal))
            throw new MeshRefusedException("the mesh refused the registry document", [error]);
        var refusal = outcome.Document is { } document ? held.Apply(document) : outcome.Error;
        if (refusal is not null && refusal != _lastRefusal)
            await events.WriteAsync(PendingEvent.Local(new RegistryRejected(refusal, options.TimeProvider.GetUtcNow())), cancellation).ConfigureAwait(false);
        _lastRefusal = refusal;
    }
}
