namespace Article42.Mesh.Gateway;

/// <summary>
/// Every grain call of the gateway goes through here: bounded by the call timeout, whatever the client's own; a call
/// the mesh refuses outright (a <see cref="MeshCallRefusedException"/>: <c>A42-SEC-*</c>, a method outside the client
/// surface or a certificate bound to another participant) becomes a <see cref="MeshRefusedException"/> carrying the
/// mesh's typed error, like every other refusal.
/// </summary>
internal sealed class GrainCalls(TimeSpan callTimeout, TimeProvider time)
{
    /// <summary>The call's result, or a <see cref="TimeoutException"/> (unknown outcome) after the call timeout.</summary>
    public async Task<T> Bounded<T>(ValueTask<T> call, CancellationToken cancellation)
    {
        try
        {
            return await call.AsTask().WaitAsync(callTimeout, time, cancellation).ConfigureAwait(false);
        }
        catch (MeshCallRefusedException refused)
        {
            throw new MeshRefusedException("the mesh refused the call", [refused.Error]);
        }
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
