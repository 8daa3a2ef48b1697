using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// The outermost filter of every incoming call (registered first, so it wraps all others): on a client call (one
/// without a valid cluster secret, whatever source it claims) only a <see cref="MeshCallException"/> crosses back.
/// Anything else (an NpgsqlException while PostgreSQL restarts, a timeout inside the silo, a bug) is logged here in
/// full under a correlation id and crosses as a <see cref="MeshUnavailableException"/> carrying that id: the client
/// gets a typed transient error it can retry, never a server type it cannot deserialize, a stack trace or a path.
/// Calls from silos keep their exceptions: their callers handle them.
/// </summary>
internal sealed partial class MeshErrorBoundary(IOptions<SecurityOptions> options, ILogger<MeshErrorBoundary> logger) : IIncomingGrainCallFilter
{
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
        catch (Exception failure) when (failure is not MeshCallException)
        {
            var method = $"{context.InterfaceMethod?.DeclaringType?.Name ?? context.InterfaceName}.{context.MethodName}";
            var correlationId = Guid.NewGuid().ToString("N");
            LogFailure(logger, failure, method, context.TargetId.ToString(), ErrorCodes.MeshUnavailable, correlationId);
            throw new MeshUnavailableException(method, correlationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A client call to {Method} on {Target} failed; the client got {Code} with correlation id {CorrelationId}")]
    private static partial void LogFailure(ILogger logger, Exception failure, string method, string target, string code, string correlationId);
}
