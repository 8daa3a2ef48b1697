using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Article42.Mesh.Hosting.Dashboard;

/// <summary>
/// The Orleans Dashboard has no login and shows grain state, so outside the embedded profile every request under
/// its path must carry the operator token: HTTP Basic (any user name, the token as password, which a browser
/// prompts for) or <c>Authorization: Bearer TOKEN</c>.
/// </summary>
internal sealed class OperatorTokenGuard(string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (Presented(context.Request.Headers.Authorization.ToString()) is { } presented
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected))
        {
            await next().ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"a42 dashboard\", charset=\"UTF-8\"";
    }

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
