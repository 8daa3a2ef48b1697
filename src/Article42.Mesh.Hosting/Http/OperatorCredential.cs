using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting.Http;

/// <summary>
/// The operator's credential for the silo's HTTP surface: <c>Http:OperatorToken</c> when configured (required outside
/// the embedded profile, A42-CFG-008); in the embedded profile otherwise generated once into
/// <c>&lt;data&gt;/operator-http-token</c>, mode 600, whose path the silo prints, so the local user who ran
/// <c>a42 mesh up</c> can read it and nobody else on the machine can.
/// </summary>
internal sealed record OperatorCredential(string Token, string Source)
{
    public static OperatorCredential Resolve(MeshSettings settings) =>
        settings.Http.OperatorToken is { } configured
            ? new OperatorCredential(configured, ConfigKeys.HttpOperatorToken)
            : new OperatorCredential(GeneratedSecret.ReadOrCreate(settings.Paths.OperatorTokenPath, settings.Paths.DataDirectory, "the HTTP operator token"), settings.Paths.OperatorTokenPath);
}
