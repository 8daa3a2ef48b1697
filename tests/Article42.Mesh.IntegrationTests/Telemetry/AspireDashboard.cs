using System.Diagnostics;
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
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly List<string> _log = [];

    private AspireDashboard(Process process, int uiPort, int grpcPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{uiPort}") };
        OtlpGrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string OtlpGrpcEndpoint { get; }

    public static async Task<AspireDashboard> StartAsync()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3)
            ports.Add(ServerProcess.FreePort());
        var (ui, grpc, http) = (ports.ElementAt(0), ports.ElementAt(1), ports.ElementAt(2));
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryRoot.Of("deploy/aspire/run-dashboard.sh"));
        start.Environment["UI_PORT"] = ui.ToString(CultureInfo.InvariantCulture);
        start.Environment["OTLP_GRPC_PORT"] = grpc.ToString(CultureInfo.InvariantCulture);
        start.Environment["OTLP_HTTP_PORT"] = http.ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET"] = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var dashboard = new AspireDashboard(Process.Start(start) ?? throw new InvalidOperationException("could not start run-dashboard.sh"), ui, grpc);
        dashboard._process.OutputDataReceived += (_, line) => dashboard.Collect(line.Data);
        dashboard._process.ErrorDataReceived += (_, line) => dashboard.Collect(line.Data);
        dashboard._process.BeginOutputReadLine();
        dashboard._process.BeginErrorReadLine();
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
    public string Describe()
    {
        lock (_log)
            return $"--- run-dashboard.sh (last 30 lines) ---\n{string.Join('\n', _log.TakeLast(30))}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _http.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        if (_process.HasExited)
            throw new InvalidOperationException($"run-dashboard.sh exited with {_process.ExitCode}.\n{Describe()}");
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

    private void Collect(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.Add(line);
    }
}
