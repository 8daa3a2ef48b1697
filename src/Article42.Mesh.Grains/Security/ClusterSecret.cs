using System.Security.Cryptography;
using System.Text;

namespace Article42.Mesh.Grains;

/// <summary>The request-context key that carries the cluster secret on silo-to-grain calls, and its check.</summary>
public static class ClusterSecret
{
    public const string Key = "a42.cluster-secret";

    public static bool Matches(object? presented, string secret) =>
        presented is string text && secret.Length > 0
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(secret));
}
