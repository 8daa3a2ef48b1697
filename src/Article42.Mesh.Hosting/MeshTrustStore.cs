using System.Security.Cryptography;
using Article42.Mesh.Grains;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting;

/// <summary>
/// The registry a silo verifies with. Embedded makes the development trust store on first start; the other
/// profiles need <c>registry.json</c> in the keys directory (public keys only: private keys never enter the cluster).
/// </summary>
internal static class MeshTrustStore
{
    public static ParticipantRegistry Prepare(MeshSettings settings, TextWriter output)
    {
        var directory = settings.Paths.KeysDirectory;
        try
        {
            if (!TrustStore.Exists(directory))
            {
                if (settings.Profile != MeshProfile.Embedded)
                {
                    throw Failed($"no {TrustStore.RegistryFileName} in '{directory}': make one with 'a42 keys init' and give every silo its {TrustStore.RegistryFileName}");
                }

                var created = TrustStore.Create(directory, ParticipantRegistry.Default);
                output.WriteLine($"keys {directory} (created a development trust store: {created.Registry.Participants.Length} participants, their private keys and operator.pem)");
                return created.Registry;
            }

            return ParticipantRegistry.Load(Path.Combine(directory, TrustStore.RegistryFileName));
        }
        catch (RegistryException ex)
        {
            throw Failed(OneLine.Of(ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed($"cannot use '{directory}': {OneLine.Of(ex.Message)}");
        }
    }

    /// <summary>The operator key operator requests are verified with (<c>operator.pub</c>); none when the file is absent.</summary>
    public static OperatorKey OperatorKeyOf(MeshSettings settings)
    {
        try
        {
            return OperatorKey.Load(settings.Paths.KeysDirectory);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw Failed($"{OperatorKey.FileName} in '{settings.Paths.KeysDirectory}' is not a PEM public key: {OneLine.Of(ex.Message)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed($"cannot read {OperatorKey.FileName} in '{settings.Paths.KeysDirectory}': {OneLine.Of(ex.Message)}");
        }
    }

    /// <summary>
    /// With <c>operator.pub</c> in the keys directory, the start-up <c>registry.json</c> must be the operator's (issue
    /// #21): a versioned file signed by another key, unsigned or changed after signing stops the silo with its
    /// <c>A42-REG</c> code. An unversioned file from before issue 21 (version 0) still starts it, with a warning: the
    /// journal's signed updates then replace it.
    /// </summary>
    public static void CheckSigned(MeshSettings settings, ParticipantRegistry registry, OperatorKey operatorKey, TextWriter output)
    {
        if (operatorKey.PublicKey is not { } key)
            return;
        var path = Path.Combine(settings.Paths.KeysDirectory, TrustStore.RegistryFileName);
        if (registry.Version == 0)
        {
            output.WriteLine($"warning {path}: an unversioned registry from before issue 21, not signed; the silo starts on it and applies the operator-signed updates of the journal");
            return;
        }
        byte[] document;
        try
        {
            document = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed($"cannot read '{path}': {OneLine.Of(ex.Message)}");
        }
        if (RegistryDocuments.Verify(document, key, -1, path).Error is { } refused)
            throw new ConfigurationFailedException(refused with { Path = path, Message = $"{refused.Message} ({OperatorKey.FileName} in '{settings.Paths.KeysDirectory}'): the silo does not start on it" });
    }

    private static ConfigurationFailedException Failed(string message) =>
        new(new MeshError(ConfigErrorCodes.BadTrustStore, ConfigKeys.KeysDirectory, message));
}
