using System.Security.Cryptography;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting;

/// <summary>
/// The silo-to-silo secret: from <c>Security:ClusterSecret</c> when configured; in the embedded profile otherwise
/// 32 random bytes (base64) generated once into <c>&lt;data&gt;/cluster-secret</c>, mode 600, and read afterwards.
/// </summary>
internal static class ClusterSecretFile
{
    public static string Resolve(MeshSettings settings)
    {
        if (settings.Security.ClusterSecret is { } configured)
            return configured;
        var path = settings.Paths.ClusterSecretPath;
        try
        {
            if (File.Exists(path))
            {
                var existing = File.ReadAllText(path).Trim();
                return existing.Length >= 16
                    ? existing
                    : throw new ConfigurationFailedException(new MeshError(ConfigErrorCodes.WeakSecret, ConfigKeys.DataDirectory, $"'{path}' holds fewer than 16 characters; delete it to have a new secret generated"));
            }

            DataDirectory.Create(settings.Paths.DataDirectory);
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(new FileStream(path, options)))
                writer.Write(secret);
            return secret;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationFailedException(new MeshError(ConfigErrorCodes.BadDirectory, ConfigKeys.DataDirectory, $"cannot keep the cluster secret in '{path}': {OneLine.Of(ex.Message)}"));
        }
    }
}
