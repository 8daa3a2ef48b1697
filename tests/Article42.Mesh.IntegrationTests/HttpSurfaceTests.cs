using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// The silo's HTTP surface (docs/operations/security.md, "The HTTP surface"): the health probes are open and say only up
/// or down; <c>/metrics</c>, <c>/dashboard</c> and every other path answer only the operator token, and without it
/// (or with a wrong one) 401 with an empty body. Tried on the README's default, <c>a42 mesh up</c>, which generates the
/// token into the data directory for its local user.
/// </summary>
public sealed class HttpSurfaceTests
{
    private static readonly string[] Guarded = ["/metrics", "/dashboard", "/dashboard/", "/Metrics", "/metrics/", "/no-such-page"];

    [Fact]
    public async Task A42_mesh_up_writes_its_operator_token_0600_and_only_that_token_opens_metrics_and_the_dashboard()
    {
        using var home = new TempHome();
        var ports = SiloPorts.Free();
        var data = Path.Combine(home.Path, "data");
        await using var silo = SiloProcess.Start("a42 mesh up", "a42.dll", home.Path, ["mesh", "up", "--data", data, "--keys", Path.Combine(home.Path, "keys"), .. ports.PortFlags()]);
        await silo.ReadyAsync();

        var tokenFile = Path.Combine(data, "operator-http-token");
        Assert.Equal(tokenFile, await silo.LineAsync("operator-token"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        var token = (await File.ReadAllTextAsync(tokenFile, TestContext.Current.CancellationToken)).Trim();
        Assert.Equal(32, Convert.FromBase64String(token).Length);

        using var http = new HttpClient();
        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var (status, body) = await GetAsync(http, ports.Url(path), authorization: null);
            Assert.True(status == HttpStatusCode.OK && body == "Healthy", $"GET {path} without a credential: {(int)status} '{body}'");
        }

        var wrong = token[..^2] + (token[^2] == 'A' ? "B=" : "A=");
        foreach (var path in Guarded)
        {
            foreach (var refused in new AuthenticationHeaderValue?[] { null, new("Bearer", wrong), new("Bearer", ""), Basic(wrong), new("Bearer", token + "x"), new("Token", token) })
            {
                var (status, body) = await GetAsync(http, ports.Url(path), refused);
                Assert.True(status == HttpStatusCode.Unauthorized && body.Length == 0, $"GET {path} with '{refused}': {(int)status}, {body.Length} characters of body");
            }
        }

        foreach (var accepted in new[] { new AuthenticationHeaderValue("Bearer", token), Basic(token) })
        {
            var (metrics, text) = await GetAsync(http, ports.Url("/metrics"), accepted);
            Assert.True(metrics == HttpStatusCode.OK && text.Contains("# TYPE ", StringComparison.Ordinal), $"GET /metrics with {accepted.Scheme}: {(int)metrics}");
            var (dashboard, page) = await GetAsync(http, ports.Url("/dashboard/"), accepted);
            Assert.True(dashboard == HttpStatusCode.OK && page.Contains("Orleans Dashboard", StringComparison.Ordinal), $"GET /dashboard/ with {accepted.Scheme}: {(int)dashboard}");
        }

        await silo.TerminateAsync();
    }

    /// <summary>HTTP Basic as a browser sends it: any user name, the token as password.</summary>
    private static AuthenticationHeaderValue Basic(string token) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{token}")));

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, Uri url, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
