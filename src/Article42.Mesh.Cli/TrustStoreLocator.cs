using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>Finds the registry a command works with: the given trust store, else the default one if it exists, else the shipped registry.</summary>
public static class TrustStoreLocator
{
    public static string Directory(string? keys) => keys ?? A42Home.KeysDirectory;

    /// <summary>The registry of <paramref name="keys"/>; without it, of $A42_HOME/keys when present, else the default registry.</summary>
    public static ParticipantRegistry Registry(string? keys)
    {
        if (keys is not null)
            return TrustStore.Open(keys).Registry;
        return TrustStore.Exists(A42Home.KeysDirectory) ? TrustStore.Open(A42Home.KeysDirectory).Registry : ParticipantRegistry.Default;
    }

    /// <summary>The trust store holding private keys; it must exist.</summary>
    public static TrustStore Store(string? keys)
    {
        var directory = Directory(keys);
        if (!TrustStore.Exists(directory))
            throw new CliException(CliErrorCodes.NoPrivateKey, "--keys", $"no trust store in '{directory}' (create one with 'a42 keys init')");
        return TrustStore.Open(directory);
    }
}
