using Orleans.Serialization;

namespace Article42.Mesh.Gateway;

/// <summary>
/// Every grain call of the gateway goes through here: bounded by the call timeout, whatever the client's own; a call
/// the mesh refuses outright (a <see cref="MeshCallRefusedException"/>: <c>A42-SEC-*</c>, a method outside the client
/// surface or a certificate bound to another participant) becomes a <see cref="MeshRefusedException"/> carrying the
/// mesh's typed error, like every other refusal. It also tells when the client has gone deaf: calls keep going out and
/// none is answered, not even with a failure (<see cref="OnDeaf"/>).
/// </summary>
internal sealed class GrainCalls(TimeSpan callTimeout, TimeProvider time)
{
    /// <summary>Calls in a row that timed out, with no answer between them and for twice the call timeout, that make the client deaf.</summary>
    public const int DeafAfter = 3;

    private int _unanswered;
    private long _lastAnswer = time.GetTimestamp();

    /// <summary>
    /// Called (once per <see cref="DeafAfter"/> timeouts in a row) when nothing the client sends is answered: the silo may
    /// hold this client as disconnected while its connection stays open (issue 20), and only a new client gets answers.
    /// </summary>
    public Action? OnDeaf { get; init; }

    /// <summary>The call's result, or a <see cref="TimeoutException"/> (unknown outcome) after the call timeout.</summary>
    public async Task<T> Bounded<T>(ValueTask<T> call, CancellationToken cancellation)
    {
        try
        {
            var result = await call.AsTask().WaitAsync(callTimeout, time, cancellation).ConfigureAwait(false);
            Answered();
            return result;
        }
        catch (MeshCallRefusedException refused)
        {
            Answered();
            throw new MeshRefusedException("the mesh refused the call", [refused.Error]);
        }
        catch (TimeoutException)
        {
            Unanswered();
            throw;
        }
        catch (OrleansException)
        {
            // A rejection is an answer: the client hears the mesh (or Orleans knows the connection is gone and reconnects).
            Answered();
            throw;
        }
        catch (Exception failure) when (failure is OperationCanceledException or SerializerException && !cancellation.IsCancellationRequested)
        {
            // The silo answered with a failure of its own that is not an OrleansException: Orleans' "Message expired before
            // placement could complete" (an OperationCanceledException that is not the caller's), or an exception this
            // client cannot decode (a placement timeout carrying Polly's TimeoutRejectedException: CodecNotFoundException).
            // Both came while a paused silo held the grain's directory entry (issue 20, long form of seed 2121); neither
            // says anything about the call, so it is an unknown outcome the callers retry, not an end of the inbox.
            Answered();
            throw new TimeoutException($"the mesh could not place or answer the call ({failure.GetType().Name}: {failure.Message})", failure);
        }
    }

    private void Answered()
    {
        Volatile.Write(ref _unanswered, 0);
        Interlocked.Exchange(ref _lastAnswer, time.GetTimestamp());
    }

    private void Unanswered()
    {
        if (Interlocked.Increment(ref _unanswered) < DeafAfter || time.GetElapsedTime(Interlocked.Read(ref _lastAnswer)) < callTimeout * 2)
            return;
        Volatile.Write(ref _unanswered, 0);
        Interlocked.Exchange(ref _lastAnswer, time.GetTimestamp());
        OnDeaf?.Invoke();
    }

    /// <summary>
    /// A call that needs a session: if the mesh no longer knows the session (A42-SES-003, e.g. after a failover), the
    /// session is opened again and the call repeated once; a second refusal is a <see cref="SessionLostException"/>.
    /// </summary>
    public async Task<T> WithSessionAsync<T>(MeshSession session, Func<string, ValueTask<T>> call, Func<T, IEnumerable<MeshError>> errorsOf, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await session.TokenAsync(cancellation).ConfigureAwait(false);
            var result = await Bounded(call(token), cancellation).ConfigureAwait(false);
            if (!errorsOf(result).Any(e => e.Code == ErrorCodes.SessionInvalid))
                return result;
            session.Invalidate(token);
            if (attempt > 0)
                throw new SessionLostException();
        }
    }
}
