using System.Text.RegularExpressions;

namespace Article42.Mesh.Gateway;

/// <summary>
/// Every grain call of the gateway goes through here: bounded by the call timeout, whatever the client's own; a call
/// the mesh's security filters refuse (<c>A42-SEC-*</c>: a silo-only method, a certificate bound to another participant)
/// becomes a <see cref="MeshRefusedException"/>, like every other refusal.
/// </summary>
internal sealed partial class GrainCalls(string participant, TimeSpan callTimeout, TimeProvider time)
{
    /// <summary>The call's result, or a <see cref="TimeoutException"/> (unknown outcome) after the call timeout.</summary>
    public async Task<T> Bounded<T>(ValueTask<T> call, CancellationToken cancellation)
    {
        try
        {
            return await call.AsTask().WaitAsync(callTimeout, time, cancellation).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException ex) when (SecurityRefusal().Match(ex.Message) is { Success: true } refusal)
        {
            throw new MeshRefusedException("the mesh refused the call", [new MeshError(refusal.Groups[1].Value, participant, refusal.Groups[2].Value)]);
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

    [GeneratedRegex(@"^(A42-SEC-\d{3}) (.+)$", RegexOptions.Singleline)]
    private static partial Regex SecurityRefusal();
}
