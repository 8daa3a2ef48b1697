using System.Text.Json.Serialization;

namespace Article42.Mesh.Cli.Contexts;

/// <summary>
/// A named set of connection defaults, as kubeconfig's contexts or <c>nats context</c>: where the mesh's gateways are,
/// the TLS files, the trust store and the operator key. Paths are stored absolute, so the context works from any directory.
/// </summary>
public sealed record MeshContext
{
    /// <summary>Gateway endpoints, HOST:PORT each; a list because a mesh has several gateways.</summary>
    [JsonPropertyName("gateways")]
    public ImmutableArray<string> Gateways { get; init; } = [];

    [JsonPropertyName("tls_ca")]
    public string? TlsCa { get; init; }

    /// <summary>The client certificate, with its key inside, in the .key file beside it, or a .pfx (as <c>--tls-cert</c>).</summary>
    [JsonPropertyName("tls_cert")]
    public string? TlsCert { get; init; }

    [JsonPropertyName("keys")]
    public string? Keys { get; init; }

    [JsonPropertyName("operator_key")]
    public string? OperatorKey { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
