using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Refuses calls to <see cref="SiloOnlyAttribute"/> methods that do not carry the cluster secret. Any client can
/// name any grain method; only silos hold the secret (configuration), so only silos pass.
/// </summary>
internal sealed class SiloOnlyCallFilter(IOptions<SecurityOptions> options) : IIncomingGrainCallFilter
{
    public const string RefusalCode = ErrorCodes.SiloOnlyMethod;

    // Every grain call passes here: read each method's attribute once, not by reflection per call.
    private static readonly ConcurrentDictionary<MethodInfo, bool> SiloOnlyMethods = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod is { } method
            && SiloOnlyMethods.GetOrAdd(method, m => m.GetCustomAttribute<SiloOnlyAttribute>() is not null)
            && !ClusterSecret.Matches(RequestContext.Get(ClusterSecret.Key), options.Value.ClusterSecret))
        {
            throw new MeshCallRefusedException(new MeshError(RefusalCode, method.Name, "for silos only: the call carries no valid cluster secret"));
        }
        return context.Invoke();
    }
}
