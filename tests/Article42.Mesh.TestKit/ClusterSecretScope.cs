using Article42.Mesh.Grains;

namespace Article42.Mesh.TestKit;

/// <summary>
/// Calls a test makes inside this scope carry the cluster secret, as a silo's calls do, so they are not client calls
/// (docs/operations/security.md, "The client surface"). For the test's own operator work (placement, the management
/// grain), never for the calls under test. The secret rides the request context, which flows with the test's awaits.
/// </summary>
public sealed class ClusterSecretScope : IDisposable
{
    private ClusterSecretScope(string secret) => RequestContext.Set(ClusterSecret.Key, secret);

    public static ClusterSecretScope Enter(string secret) => new(secret);

    public void Dispose() => RequestContext.Remove(ClusterSecret.Key);
}
