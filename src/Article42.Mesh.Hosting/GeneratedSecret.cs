using System.Security.Cryptography;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting;

/// <summary>
/// A secret the embedded profile generates for its local user when none is configured: 32 random bytes (base64)
/// written once to a file of the data directory, mode 600 (only the silo's user reads it), and read afterwards.
/// </summary>
internal static class GeneratedSecret
{
    /// <summary>
    /// The secret in <paramref name="path"/>, generated first (creating <paramref name="dataDirectory"/>) when the file
    /// does not exist; <paramref name="what"/> names it in errors, e.g. "the cluster secret".
    /// </summary>
    public static string ReadOrCreate(string path, string dataDirectory, string what)
    {
        try
        {
            if (File.Exists(path))
            {
                var existing = File.ReadAllText(path).Trim();
                return existing.Length >= 16
                    ? existing
                    : throw new ConfigurationFailedException(new MeshError(ConfigErrorCodes.WeakSecret, ConfigKeys.DataDirectory, $"'{path}' holds fewer than 16 characters; delete it to have a new secret generated"));
            }

            DataDirectory.Create(dataDirectory);
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
            throw new ConfigurationFailedException(new MeshError(ConfigErrorCodes.BadDirectory, ConfigKeys.DataDirectory, $"cannot keep {what} in '{path}': {OneLine.Of(ex.Message)}"));
        }
    }
}
