using System.Security.Cryptography;

namespace Article42.Mesh.Gateway;

public sealed partial class MeshGateway
{
    /// <summary>
    /// Signs <paramref name="envelope"/> with the participant's key (unless it is signed already) and submits it until the
    /// mesh holds it durably. A call that fails or times out has an unknown outcome, so it is repeated with the same
    /// envelope (the message id is the idempotency key: the mesh answers a repeat with the original receipt), with
    /// exponential backoff, until <see cref="MeshGatewayOptions.SendDeadline"/>.
    /// </summary>
    /// <returns>The receipt: when the mesh accepted the message and its recipients after group expansion.</returns>
    /// <exception cref="MeshRefusedException">The mesh refused the message (invalid, forged, a message id already used,
    /// backpressure...); nothing was stored. Not retried.</exception>
    /// <exception cref="TimeoutException">No receipt within the send deadline; sending the same envelope again is safe.</exception>
    public Task<SubmitReceipt> SendAsync(Envelope envelope, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return SendTracedAsync(envelope, cancellation);
    }

    private async Task<SubmitReceipt> SendTracedAsync(Envelope envelope, CancellationToken cancellation)
    {
        using var span = GatewayTelemetry.StartSend(envelope);
        // The send span's context goes in the envelope's trace field (outside the signed bytes) before signing, so the
        // grains' spans, every retry and the recipient's acknowledgement join this trace.
        var traced = span is null ? envelope : envelope with { Trace = MeshTelemetry.TraceOf(span) };
        // Signed here, so signed again if the key is reloaded while it is retried: the mesh accepts nothing new under a
        // rotated key, and the message id keeps its claim (the claim covers the content, not the signature).
        var signing = string.IsNullOrEmpty(traced.Signature) ? Volatile.Read(ref _key) : null;
        var (signed, document) = Signed(traced, signing);
        var attempts = 0;
        try
        {
            var receipt = await _retry.RunAsync(async token =>
            {
                while (true)
                {
                    attempts++;
                    if (signing is not null && Volatile.Read(ref _key) is var current && current != signing)
                        (signing, (signed, document)) = (current, Signed(traced, current));
                    var used = signing;
                    MeshRefusedException refused;
                    try
                    {
                        var outcome = await _calls.WithSessionAsync(_sending, t => document is null ? _link.Grain.SubmitAsync(t, signed) : _link.Grain.SubmitSignedAsync(t, document), o => o.Errors, token).ConfigureAwait(false);
                        _reportsWakeup.Set();
                        if (outcome.Receipt is { } accepted)
                            return accepted;
                        refused = new MeshRefusedException($"the mesh refused message {signed.MsgId}", outcome.Errors);
                    }
                    catch (MeshRefusedException session)
                    {
                        // The session's opening was refused: under a key a rotation replaced, it is opened again with the new one.
                        refused = session;
                    }
                    if (used is null || !await SignsAgainAsync(used, refused.Errors, token).ConfigureAwait(false))
                        throw refused;
                }
            }, $"message {signed.MsgId}", _options.SendDeadline, cancellation).ConfigureAwait(false);
            span?.SetTag("a42.recipient", string.Join(',', receipt.Recipients));
            return receipt;
        }
        catch (Exception ex)
        {
            GatewayTelemetry.Fail(span, ex);
            throw;
        }
        finally
        {
            span?.SetTag("a42.attempt", attempts);
        }
    }

    /// <summary>
    /// The envelope signed (unless it came signed) and, unless <see cref="MeshGatewayOptions.SendAsBytes"/> is off, its
    /// document: signed and written with one encode. An envelope signed elsewhere is encoded once; one with no canonical
    /// form (a lone surrogate) goes as a value, for the mesh to say which text is at fault.
    /// </summary>
    private (Envelope Signed, byte[]? Document) Signed(Envelope envelope, ECDsa? key)
    {
        if (!_options.SendAsBytes)
            return (key is null ? envelope : EnvelopeSignatures.Sign(envelope, key), null);
        var document = key is null ? SignedDocuments.Of(envelope) : SignedDocuments.Sign(envelope, key);
        return document is null ? (envelope, null) : (document.Envelope, document.Bytes);
    }
}
