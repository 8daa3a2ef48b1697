using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Attaches the cluster secret to every call a silo makes to a grain, and strips it from calls to clients
/// (observers), so the secret never leaves the cluster.
/// </summary>
internal sealed class ClusterSecretOutgoingFilter(IOptions<SecurityOptions> options) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.TargetId.IsClient())
        {
            RequestContext.Remove(ClusterSecret.Key);
            await context.Invoke();
            return;
        }
        RequestContext.Set(ClusterSecret.Key, options.Value.ClusterSecret);
        try
        {
            await context.Invoke();
        }
        finally
        {
            RequestContext.Remove(ClusterSecret.Key);
        }
    }
}
