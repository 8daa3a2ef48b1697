namespace Article42.Mesh.Grains.Tests;

/// <summary>A cluster whose submits trust the session that proved the sender instead of verifying each envelope's signature.</summary>
public sealed class SessionOnlyFixture : MeshClusterFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Security:VerifySignatures"] = "SessionOnly";
        return settings;
    }
}
