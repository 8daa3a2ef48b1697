using Article42.Mesh.Hosting.Configuration;
using Article42.Mesh.Hosting.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Dashboard;

namespace Article42.Mesh.Hosting;

/// <summary>The silo's HTTP surface: <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c>, and <c>/dashboard</c> when enabled.</summary>
public static class MeshEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string DashboardPath = "/dashboard";
    internal const string ReadyTag = "ready";

    public static WebApplication MapArticle42MeshEndpoints(this WebApplication app, MeshSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);

        // Live: the process answers. Ready: joined, journal answers, not shutting down.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapMetrics();

        if (settings.Dashboard.Enabled)
        {
            if (settings.Profile != MeshProfile.Embedded)
            {
                var guard = new OperatorTokenGuard(settings.Dashboard.OperatorToken!);
                app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPath), branch => branch.Use(guard.InvokeAsync));
            }

            app.MapOrleansDashboard(DashboardPath);
        }

        return app;
    }
}
