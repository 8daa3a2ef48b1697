namespace Article42.Mesh.Benchmarks.Systems.Mesh;

/// <summary>
/// How a benchmark mesh is started: profile (<c>embedded</c>: SQLite; <c>cluster</c>: PostgreSQL and Redis),
/// <c>Security:VerifySignatures</c>, <c>Telemetry:TraceSampleRatio</c> (null: the silo's default), and whether the
/// gateways check what they receive (<c>MeshGatewayOptions.VerifyReceived</c>, issue #21).
/// </summary>
internal sealed record MeshSetup(string Profile, string Signatures = "Always", double? TraceSampleRatio = null, bool VerifyReceived = true)
{
    public const string Embedded = "embedded";
    public const string Cluster = "cluster";

    public string Tracing => TraceSampleRatio switch
    {
        null => "default sampler",
        0 => "off (ratio 0)",
        var ratio => $"ratio {ratio:0.###}",
    };

    public string Describe() => $"{Profile}, signatures {Signatures}, tracing {Tracing}, received messages {(VerifyReceived ? "verified" : "not verified")} by the gateways";
}
