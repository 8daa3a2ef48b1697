using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Article42.Mesh.Hosting.Http;

/// <summary>
/// The one gate of the silo's HTTP surface (docs/operations/security.md, "The HTTP surface"): the health probes are
/// open, every other path (<c>/metrics</c>, <c>/dashboard</c>, and whatever is mapped later) answers only a request
/// carrying the operator token, as <c>Authorization: Bearer TOKEN</c> (Prometheus, curl) or HTTP Basic with any user
/// name and the token as password (a browser prompts for it). Anything else gets 401 with an empty body.
/// </summary>
internal sealed class OperatorCredentialGuard(string token, IReadOnlyCollection<PathString> openPaths)
{
    // Hashes compared, not the tokens: FixedTimeEquals is constant-time only for equal lengths, so comparing the
    // tokens themselves would tell a prober the token's length.
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (IsOpen(context.Request.Path) || Presents(context.Request.Headers.Authorization.ToString()))
        {
            await next().ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"a42 operator\", charset=\"UTF-8\"";
    }

    private bool IsOpen(PathString path) => openPaths.Any(open => path.Equals(open, StringComparison.OrdinalIgnoreCase));

    private bool Presents(string header) =>
        Presented(header) is { } presented && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected);

    private static string? Presented(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || value.Parameter is null)
            return null;
        if (value.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return value.Parameter;
        if (!value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
