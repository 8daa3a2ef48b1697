using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// <c>a42 mesh up --Section:Key=value</c> (docs/reference/cli.md): a word that is no flag of the command is a setting of
/// the silo it runs, reported by none, and its value reaches the silo's configuration.
/// </summary>
public sealed class MeshUpSettingsTests : IAsyncLifetime
{
    // Given on the command line, the silo takes this token instead of generating one into its data folder.
    private const string Token = "mesh-up-settings-token-0123456789";
    private readonly TempDirectory _home = new("a42-mesh-up-");
    private TestProcess? _mesh;
    private string _http = "";

    [Fact]
    public async Task Section_key_value_words_reach_the_silos_configuration_and_none_is_reported()
    {
        Assert.Equal("off", await _mesh!.LineAsync("dashboard"));
        Assert.Equal("Http:OperatorToken", await _mesh.LineAsync("operator-token"));
        Assert.False(File.Exists(Path.Combine(_home.Path, "data", "operator-http-token")));

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, await GetAsync(http, "/metrics", Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(http, "/metrics", Token + "x"));
        // Past the operator credential the dashboard is not there at all: Dashboard:Enabled=false reached the silo.
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(http, "/dashboard", Token));
        Assert.DoesNotContain(_mesh.Errors.Concat(_mesh.Output), line => line.Contains("Dashboard:Enabled", StringComparison.Ordinal) || line.Contains("OperatorToken=", StringComparison.Ordinal));
    }

    public async ValueTask InitializeAsync()
    {
        var init = await A42Process.RunAsync(_home.Path, "keys", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        var ports = FreePorts.Take(3);
        _http = $"http://127.0.0.1:{Port(ports[2])}";
        _mesh = A42Process.Start(_home.Path, "mesh", "up", "--keys", Path.Combine(_home.Path, "keys"), "--data", Path.Combine(_home.Path, "data"),
            "--silo-port", Port(ports[0]), "--gateway-port", Port(ports[1]), "--http-port", Port(ports[2]),
            "--Dashboard:Enabled=false", $"--Http:OperatorToken={Token}", "--Logging:LogLevel:Default=Warning");
        await _mesh.ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_mesh is not null)
            await _mesh.DisposeAsync();
        _home.Dispose();
    }

    private async Task<HttpStatusCode> GetAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _http + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
