using Article42.Mesh.Hosting.Configuration;
using Article42.Mesh.Hosting.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Orleans.Dashboard;

namespace Article42.Mesh.Hosting;

/// <summary>
/// The silo's HTTP surface: <c>/health/live</c> and <c>/health/ready</c> open (up or down, nothing more), <c>/metrics</c>
/// and <c>/dashboard</c> (when enabled) behind the operator token (docs/operations/security.md, "The HTTP surface").
/// </summary>
public static class MeshEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string DashboardPath = "/dashboard";
    internal const string ReadyTag = "ready";

    /// <summary>The paths anyone may reach: the probes say up or down and carry no data.</summary>
    public static readonly IReadOnlyCollection<PathString> OpenPaths = [new(LivePath), new(ReadyPath)];

    public static WebApplication MapArticle42MeshEndpoints(this WebApplication app, MeshSettings settings, string operatorToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorToken);

        // Deny by default: every path but the probes, including any mapped later, needs the operator token.
        app.Use(new OperatorCredentialGuard(operatorToken, OpenPaths).InvokeAsync);

        // Live: the process answers. Ready: joined, journal answers, not shutting down.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapMetrics();

        if (settings.Dashboard.Enabled)
            app.MapOrleansDashboard(DashboardPath);

        return app;
    }
}
