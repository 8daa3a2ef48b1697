using System.Collections;
using Article42.Mesh.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Article42.Mesh.Hosting;

/// <summary>
/// The silo's telemetry: the mesh's and Orleans' spans and metrics, a parent-based ratio sampler, Prometheus text at
/// <c>/metrics</c>, and OTLP (traces, metrics, logs) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class SiloTelemetry
{
    public const string ServiceName = "article42-mesh-silo";
    public const string MetricsPath = "/metrics";
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddSiloTelemetry(this WebApplicationBuilder builder, MeshSettings settings)
    {
        // The silo's configuration holds only A42__* variables, and the OpenTelemetry SDK reads its standard OTEL_*
        // settings (endpoint, protocol, headers, export intervals, resource attributes) from configuration.
        builder.Configuration.AddInMemoryCollection(OtelVariables());
        var telemetry = builder.Services.AddOpenTelemetry()
            // Unique per process: the pod name in Kubernetes, else the silo endpoint plus a fresh id.
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: settings.Pod.Name ?? $"{settings.Cluster.SiloEndpoint}/{Guid.NewGuid():N}"))
            .WithTracing(tracing => tracing
                .AddSource(MeshTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.Telemetry.TraceSampleRatio))))
            .WithMetrics(metrics => metrics
                .AddMeter(MeshTelemetry.Name, "Microsoft.Orleans")
                .AddPrometheusExporter());
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OtlpEndpointVariable)))
            telemetry.UseOtlpExporter();
    }

    private static IEnumerable<KeyValuePair<string, string?>> OtelVariables() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(variable => new KeyValuePair<string, string?>((string)variable.Key, (string?)variable.Value))
            .Where(variable => variable.Key.StartsWith("OTEL_", StringComparison.Ordinal));

    public static void MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        // Once started, the meter provider listens: the zeros reach /metrics and OTLP.
        app.Lifetime.ApplicationStarted.Register(MeshTelemetry.StartRareCountersAtZero);
    }
}
