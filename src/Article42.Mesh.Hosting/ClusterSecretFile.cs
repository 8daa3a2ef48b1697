using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting;

/// <summary>
/// The silo-to-silo secret: from <c>Security:ClusterSecret</c> when configured; in the embedded profile otherwise
/// generated once into <c>&lt;data&gt;/cluster-secret</c> (see <see cref="GeneratedSecret"/>) and read afterwards.
/// </summary>
internal static class ClusterSecretFile
{
    public static string Resolve(MeshSettings settings) =>
        settings.Security.ClusterSecret ?? GeneratedSecret.ReadOrCreate(settings.Paths.ClusterSecretPath, settings.Paths.DataDirectory, "the cluster secret");
}
