using System.Runtime.CompilerServices;

namespace Article42.Mesh.Gateway;

public sealed partial class MeshGateway
{
    /// <summary>
    /// The inbox, in the mesh's order (highest precedence first, then arrival): each message once within this gateway's
    /// lifetime, even though the mesh hands every unacknowledged message to each new session. After a crash or restart
    /// every message not acknowledged is handed again with <see cref="InboxMessage.Redelivered"/> set: the mesh flags
    /// what it handed to an earlier session, and with <see cref="MeshGatewayOptions.StateDirectory"/> the gateway flags
    /// what it handed before the restart (across a silo failover too). Nothing is lost; an application that must never
    /// process a message twice dedupes by message id (<see cref="ProcessedMessages"/>). Fed by fetching, early when the
    /// doorbell rings; opens the participant's consuming session on first use (superseding any other). Meant for one
    /// consumer; a second enumeration shares the same stream of messages.
    /// </summary>
    /// <remarks>Acknowledge what you processed with <see cref="AckAsync(InboxMessage, CancellationToken)"/>: until then it
    /// stays in the mesh's inbox (and counts against its cap), and comes back after a restart.</remarks>
    /// <exception cref="MeshRefusedException">The mesh refused the session (e.g. the key is not the registry's).</exception>
    public async IAsyncEnumerable<InboxMessage> ReceiveAsync([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var pump = StartInbox();
        while (await pump.Inbox.WaitToReadAsync(cancellation).ConfigureAwait(false))
        {
            while (pump.Inbox.TryRead(out var message))
            {
                var id = message.Envelope.MsgId;
                var handing = _handed.TryHand(id);
                pump.Unbuffer(id);
                if (handing == Handing.Withheld)
                    continue;
                pump.Held[id] = message.Envelope;
                yield return handing == Handing.Again ? message with { Redelivered = true } : message;
            }
        }
    }

    /// <summary>Acknowledges one processed message; see <see cref="AckAsync(IReadOnlyCollection{InboxMessage}, CancellationToken)"/>.</summary>
    public Task AckAsync(InboxMessage message, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AckAsync([message], cancellation);
    }

    /// <summary>
    /// Acknowledges processed messages: the mesh never hands them out again. For each one whose sender asked for a
    /// receipt (RN, explicitly or by default, e.g. INVOCATION, INCIDENT_REPORT, any FLASH) a signed RECEIPT goes back to
    /// the sender first, which stops its escalations. A WILCO is a separate, explicit act: <see cref="AcknowledgeActionAsync"/>.
    /// </summary>
    /// <exception cref="MeshRefusedException">An id is not in this participant's inbox (the others are acknowledged).</exception>
    public Task AckAsync(IReadOnlyCollection<InboxMessage> messages, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return AcknowledgeAsync([.. messages.Select(m => (m.Envelope.MsgId, (Envelope?)m.Envelope))], cancellation);
    }

    /// <summary>
    /// Acknowledges processed messages by id. Receipts go out for the ones this gateway still holds the envelope of
    /// (handed out and not yet acknowledged, in this process or re-fetched since a restart).
    /// </summary>
    /// <exception cref="MeshRefusedException">An id is not in this participant's inbox (the others are acknowledged).</exception>
    public Task AckAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        return AcknowledgeAsync([.. messageIds.Select(id => (id, _pump?.Held.GetValueOrDefault(id)))], cancellation);
    }

    /// <summary>
    /// Answers a tasking with a signed ACTION_ACK (WILCO, CANTCO, UNABLE, HAVE_RECEIVED) to its sender. Does not
    /// acknowledge the message in the inbox: that is <see cref="AckAsync(InboxMessage, CancellationToken)"/>.
    /// </summary>
    /// <returns>The receipt of the ACTION_ACK.</returns>
    public Task<SubmitReceipt> AcknowledgeActionAsync(InboxMessage tasking, ActionResponse response, string? remarks = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(tasking);
        return SendAsync(Replies.ActionAck(tasking.Envelope, Participant, response, remarks, _options.TimeProvider.GetUtcNow()), cancellation);
    }

    private async Task AcknowledgeAsync(List<(string Id, Envelope? Envelope)> messages, CancellationToken cancellation)
    {
        // The settle span ends the message's trace here; the receipts sent under it join that trace too.
        using var span = GatewayTelemetry.StartAck(messages, Participant);
        try
        {
            await AcknowledgeUntracedAsync(messages, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            GatewayTelemetry.Fail(span, ex);
            throw;
        }
    }

    private async Task AcknowledgeUntracedAsync(List<(string Id, Envelope? Envelope)> messages, CancellationToken cancellation)
    {
        // Receipts first: a crash in between leaves a message receipted but unacknowledged (acknowledge it again by id),
        // never acknowledged without the receipt its sender is waiting for.
        var receipts = messages
            .Where(m => _options.ReceiptsOnAck && m.Envelope is { } envelope && Replies.WantsReceipt(envelope) && !_handed.IsAcknowledged(m.Id))
            .DistinctBy(m => m.Id)
            .Select(m => SendAsync(Replies.Receipt(m.Envelope!, Participant, _options.ReceiptAuthority, _options.TimeProvider.GetUtcNow()), cancellation));
        await Task.WhenAll(receipts).ConfigureAwait(false);
        var errors = new List<MeshError>();
        foreach (var chunk in messages.Select(m => m.Id).Distinct().Chunk(_options.FetchBatch))
            errors.AddRange(await AcknowledgeIdsAsync(chunk, cancellation).ConfigureAwait(false));
        if (errors.Count > 0)
            throw new MeshRefusedException("the mesh refused to acknowledge", errors);
    }

    private async Task<ImmutableArray<MeshError>> AcknowledgeIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellation)
    {
        var outcome = await _retry.RunAsync(
            token => _calls.WithSessionAsync(_consuming, t => _link.Grain.AcknowledgeAsync(t, [.. ids]), o => o.Errors, token),
            $"acknowledging {ids.Count} messages", _options.SendDeadline, cancellation).ConfigureAwait(false);
        _handed.Acknowledged(ids);
        foreach (var id in ids)
            _pump?.Held.TryRemove(id, out _);
        return outcome.Errors;
    }

    private InboxPump StartInbox()
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        lock (_starting)
        {
            if (_pump is not null)
                return _pump;
            _doorbellReference = _link.Grains.CreateObjectReference<IInboxDoorbell>(_doorbell);
            var checks = _registry is null ? null : new ReceivedChecks(_registry, () => _link.Grain, _consuming, _calls, _options, _events.Writer);
            _pump = new InboxPump(() => _link.Grain, _consuming, _calls, _handed, _options, _inboxWakeup, _events.Writer, AcknowledgeQuietlyAsync, checks);
            // The pump outlives the caller's span: it must not make every fetch a child of it.
            using (ExecutionContext.SuppressFlow())
                _background.Add(Task.Run(() => _pump.RunAsync(_stopping.Token)));
            return _pump;
        }
    }

    private async Task AcknowledgeQuietlyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellation)
    {
        try
        {
            await AcknowledgeIdsAsync(ids, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (Transient.Is(ex) || ex is OperationCanceledException or ObjectDisposedException)
        {
            // Still in the mesh's inbox (or the gateway is stopping): the next session re-hands it and it is acknowledged then.
        }
    }
}
