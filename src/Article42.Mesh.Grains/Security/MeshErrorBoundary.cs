using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// The outermost filter of every incoming call (registered first, so it wraps all others): on a client call (one
/// without a valid cluster secret, whatever source it claims) only a <see cref="MeshCallException"/> crosses back.
/// Anything else (an NpgsqlException while PostgreSQL restarts, a timeout inside the silo, a bug) is logged here in
/// full under a correlation id and crosses as a <see cref="MeshUnavailableException"/> carrying that id: the client
/// gets a typed transient error it can retry, never a server type it cannot deserialize, a stack trace or a path.
/// Calls from silos keep their exceptions: their callers handle them. A client able to make calls fail must not make
/// the silo log without bound: 20 failures are logged at once, then one per 5 s, each line counting those not logged.
/// A call the client cancelled itself is not a failure of the silo: it is logged at Debug, outside that budget.
/// </summary>
internal sealed partial class MeshErrorBoundary(IOptions<SecurityOptions> options, MeshClock clock, ILogger<MeshErrorBoundary> logger) : IIncomingGrainCallFilter
{
    private readonly Lock _logGate = new();
    private readonly SenderRateLimiter _logBudget = new(ratePerSecond: 1.0 / 5, burst: 20, clock.Time);
    private long _unlogged;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (ClusterSecret.Matches(RequestContext.Get(ClusterSecret.Key), options.Value.ClusterSecret))
        {
            await context.Invoke();
            return;
        }

        try
        {
            await context.Invoke();
        }
        catch (OperationCanceledException) when (context.Request.GetCancellationToken().IsCancellationRequested)
        {
            // The client cancelled its own call: nothing failed here, so no Error line and no share of the log budget.
            var method = MethodOf(context);
            LogCancelled(logger, method, ValidationContext.Truncate(context.TargetId.ToString()));
            throw new MeshUnavailableException(method, Guid.NewGuid().ToString("N"));
        }
        catch (Exception failure) when (DiskFull.Caused(failure))
        {
            // Not transient for the SDK to retry blindly: the client is told, and the operators must free space.
            var method = MethodOf(context);
            var correlationId = Guid.NewGuid().ToString("N");
            Log(failure, method, context.TargetId.ToString(), correlationId, ErrorCodes.JournalFull);
            throw new MeshCallRefusedException(new MeshError(ErrorCodes.JournalFull, method,
                $"the mesh's journal disk is full: nothing was stored; send again once its operators have freed space (correlation id {correlationId})"));
        }
        catch (Exception failure) when (failure is not MeshCallException)
        {
            var method = MethodOf(context);
            var correlationId = Guid.NewGuid().ToString("N");
            Log(failure, method, context.TargetId.ToString(), correlationId, ErrorCodes.MeshUnavailable);
            throw new MeshUnavailableException(method, correlationId);
        }
    }

    private static string MethodOf(IIncomingGrainCallContext context) =>
        $"{context.InterfaceMethod?.DeclaringType?.Name ?? context.InterfaceName}.{context.MethodName}";

    private void Log(Exception failure, string method, string target, string correlationId, string code)
    {
        long unlogged;
        lock (_logGate)
        {
            if (!_logBudget.TryTake())
            {
                _unlogged++;
                return;
            }
            (unlogged, _unlogged) = (_unlogged, 0);
        }
        LogFailure(logger, failure, method, ValidationContext.Truncate(target), code, correlationId, unlogged);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A client call to {Method} on {Target} was cancelled by the client")]
    private static partial void LogCancelled(ILogger logger, string method, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "A client call to {Method} on {Target} failed; the client got {Code} with correlation id {CorrelationId} ({Unlogged} failed client calls before it over the log rate, not logged)")]
    private static partial void LogFailure(ILogger logger, Exception failure, string method, string target, string code, string correlationId, long unlogged);
}
