using System.Net.Http.Headers;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// The operator credential of the test silos' HTTP surface: every silo <see cref="SiloPorts.Flags"/> starts has this
/// <c>Http:OperatorToken</c>, and <see cref="Client"/> presents it, as Prometheus does.
/// </summary>
public static class OperatorHttp
{
    public const string Token = "operator-http-token-of-the-integration-tests";

    /// <summary>The flag that gives a silo <see cref="Token"/>.</summary>
    public const string Flag = $"--Http:OperatorToken={Token}";

    /// <summary>An HTTP client sending <c>Authorization: Bearer</c> <paramref name="token"/> (default <see cref="Token"/>) with every request.</summary>
    public static HttpClient Client(string token = Token)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
