using Article42.Mesh.Protocol;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Article42.Mesh.Cli;

/// <summary>
/// OTLP export of the gateway commands' spans (<c>a42 send</c>, <c>a42 listen</c>) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set, as <c>service.name=a42-gateway</c> with a fresh <c>service.instance.id</c> per process (standard
/// <c>OTEL_*</c> variables apply). Commands that host a silo (<c>mesh up</c>, <c>exercise run</c>) export through the
/// silo's own telemetry instead; the others make no spans.
/// </summary>
internal static class CliTelemetry
{
    public const string ServiceName = "a42-gateway";
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The tracer provider to dispose when the command ends (flushing what it holds), or null.</summary>
    public static IDisposable? Start(string[] args)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OtlpEndpointVariable)) || args is not [("send" or "listen") and var command, ..])
            return null;
        return Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource
                .AddService(ServiceName, serviceInstanceId: $"{command}-{Guid.NewGuid():N}")
                .AddAttributes([new("a42.command", command), new("process.pid", Environment.ProcessId)]))
            .AddSource(MeshTelemetry.Name)
            .AddOtlpExporter()
            .Build();
    }
}
