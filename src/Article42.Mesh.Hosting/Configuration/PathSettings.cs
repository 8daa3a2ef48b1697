namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Section <c>Paths</c>: where the silo keeps its data and finds its trust store.</summary>
public sealed record PathSettings(string DataDirectory, string KeysDirectory)
{
    /// <summary>The embedded journal file.</summary>
    public string JournalPath => Path.Combine(DataDirectory, "journal.db");

    /// <summary>Where the embedded profile keeps the cluster secret it generated.</summary>
    public string ClusterSecretPath => Path.Combine(DataDirectory, "cluster-secret");

    /// <summary>Where the embedded profile keeps the HTTP operator token it generated (mode 600: the local user's credential).</summary>
    public string OperatorTokenPath => Path.Combine(DataDirectory, "operator-http-token");
}
