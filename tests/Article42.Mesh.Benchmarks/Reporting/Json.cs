using System.Text.Json;
using System.Text.Json.Nodes;
using Article42.Mesh.Load.Measuring;

namespace Article42.Mesh.Benchmarks.Reporting;

/// <summary>The figures as JSON: snake_case keys, milliseconds for latencies, per delivered copy for costs.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Latency(IReadOnlyList<LatencyFigures> latencies)
    {
        var node = new JsonObject();
        foreach (var l in latencies)
        {
            node[l.Name] = new JsonObject
            {
                ["count"] = l.Count,
                ["p50"] = l.P50,
                ["p90"] = l.P90,
                ["p99"] = l.P99,
                ["p999"] = l.P999,
                ["max"] = l.Max,
            };
        }
        return node;
    }

    public static JsonObject Figures(RunFigures f) => new()
    {
        ["seconds"] = f.Seconds,
        ["sent_msgs_per_s"] = f.SentPerSecond,
        ["delivered_msgs_per_s"] = f.DeliveredPerSecond,
        ["latency_ms"] = Latency(f.Latency),
        ["cpu_ms_per_msg"] = f.CpuMsPerMessage,
        ["alloc_bytes_per_msg"] = f.AllocatedBytesPerMessage,
        ["server_cpu_ms_per_msg"] = f.ServerCpuMsPerMessage,
        ["process_cpu_utilisation"] = f.CpuUtilisation,
        ["failed_sends"] = f.FailedSends,
        ["undelivered_after_drain"] = f.Undelivered,
        ["skipped_offered"] = f.Skipped,
        ["failures"] = new JsonArray([.. f.FailureReasons.Select(r => (JsonNode)r)]),
    };

    public static JsonObject Run(RunRecord run)
    {
        var node = new JsonObject
        {
            ["system"] = run.System,
            ["profile"] = run.Profile,
            ["signatures"] = run.Signatures,
            ["tracing"] = run.Tracing,
            ["load"] = run.Load,
            ["pattern"] = run.Pattern,
        };
        if (run.MeshRawRatio is { } ratio)
            node["mesh_raw_ratio"] = ratio;
        if (run.MeshCryptoTwinRatio is { } cryptoRatio)
            node["mesh_crypto_twin_ratio"] = cryptoRatio;
        foreach (var (key, value) in Figures(run.Figures))
            node[key] = value?.DeepClone();
        return node;
    }
}
