using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Article42.Mesh.IntegrationTests.Telemetry;

/// <summary>
/// The Aspire Dashboard started the way docs/operations/observability.md says, through <c>deploy/aspire/run-dashboard.sh</c> (which restores
/// its NuGet package first), on free ports of 127.0.0.1; read back through its telemetry API as OTLP JSON.
/// </summary>
public sealed class AspireDashboard : IAsyncDisposable
{
    private readonly TestProcess _process;
    private readonly HttpClient _http;

    private AspireDashboard(TestProcess process, int uiPort, int grpcPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{uiPort}") };
        OtlpGrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string OtlpGrpcEndpoint { get; }

    public static async Task<AspireDashboard> StartAsync()
    {
        var ports = FreePorts.Take(3);
        var (ui, grpc, http) = (ports[0], ports[1], ports[2]);
        var environment = new Dictionary<string, string>
        {
            ["UI_PORT"] = ui.ToString(CultureInfo.InvariantCulture),
            ["OTLP_GRPC_PORT"] = grpc.ToString(CultureInfo.InvariantCulture),
            ["OTLP_HTTP_PORT"] = http.ToString(CultureInfo.InvariantCulture),
            ["DOTNET"] = TestProcess.DotnetHost,
        };
        var dashboard = new AspireDashboard(TestProcess.Start("run-dashboard.sh", "bash", [RepositoryRoot.Of("deploy/aspire/run-dashboard.sh")], environment), ui, grpc);
        // The first start restores the package (about 125 MB) from the registry.
        await Deadline.UntilAsync(dashboard.AnswersAsync, TimeSpan.FromSeconds(240), $"the Aspire Dashboard's API on port {ui}");
        return dashboard;
    }

    /// <summary>The spans of one trace, by service instance, as the dashboard received them over OTLP (empty while it has none).</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> TraceAsync(string traceId)
    {
        using var response = await _http.GetAsync($"/api/telemetry/traces/{traceId}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return [];
        response.EnsureSuccessStatusCode();
        using var document = await response.Content.ReadFromJsonAsync<JsonDocument>() ?? throw new InvalidOperationException("an empty answer");
        return ReceivedSpan.From(document.RootElement.GetProperty("data"));
    }

    /// <summary>What the dashboard printed, for failure messages.</summary>
    public string Describe() =>
        $"--- run-dashboard.sh (last 30 lines) ---\n{string.Join('\n', _process.Output.Concat(_process.Errors).TakeLast(30))}";

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _http.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        if (_process.HasExited)
            throw new InvalidOperationException($"run-dashboard.sh exited.\n{Describe()}");
        try
        {
            using var response = await _http.GetAsync("/api/telemetry/resources");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
