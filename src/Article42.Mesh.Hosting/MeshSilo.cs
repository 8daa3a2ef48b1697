using Article42.Mesh.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Hosting;

/// <summary>
/// The entry point of the silo executable and of <c>a42 mesh up</c>: checks the configuration, prepares keys,
/// secret and journal, runs the silo in the foreground until SIGTERM or Ctrl+C, and returns the exit code
/// (0 after a clean shutdown, 1 when something it needs is unavailable, 2 for a bad setting).
/// </summary>
public static class MeshSilo
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        IMessageJournal? journal = null;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.Sources.Clear();
            MeshConfiguration.AddSources(builder.Configuration, args);
            var (settings, errors) = MeshSettingsReader.Read(builder.Configuration, Environment.GetEnvironmentVariable);
            if (settings is null)
                throw new ConfigurationFailedException(errors);

            output.WriteLine($"profile {settings.Profile.ToString().ToLowerInvariant()}");
            var registry = MeshTrustStore.Prepare(settings, output);
            var secret = ClusterSecretFile.Resolve(settings);
            await StartChecks.RunAsync(settings).ConfigureAwait(false);
            journal = await OpenJournalAsync(settings).ConfigureAwait(false);
            output.WriteLine($"journal {MeshJournal.Describe(settings)}");

            builder.AddArticle42Mesh(new MeshStart(settings, registry, journal, secret));
            await using var app = builder.Build();
            app.MapArticle42MeshEndpoints(settings);
            return await RunAsync(app, settings, output, error).ConfigureAwait(false);
        }
        catch (ConfigurationFailedException ex)
        {
            foreach (var line in ex.Errors)
                error.WriteLine(line);
            return 2;
        }
        catch (MeshStartException ex)
        {
            error.WriteLine(ex.Error);
            return 1;
        }
        finally
        {
            if (journal is not null)
                await journal.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<IMessageJournal> OpenJournalAsync(MeshSettings settings)
    {
        try
        {
            return await MeshJournal.OpenAsync(settings, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ConfigurationFailedException)
        {
            var key = settings.Profile == MeshProfile.Embedded ? ConfigKeys.DataDirectory : ConfigKeys.Postgres;
            throw new MeshStartException(new MeshError(ConfigErrorCodes.JournalUnavailable, key, $"the journal cannot be opened: {OneLine.Of(ex.Message)}"));
        }
    }

    private static async Task<int> RunAsync(WebApplication app, MeshSettings settings, TextWriter output, TextWriter error)
    {
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error.WriteLine(new MeshError(ConfigErrorCodes.SiloStartFailed, "silo", $"could not start: {OneLine.Of(ex.Message)}"));
            return 1;
        }

        output.WriteLine($"silo {settings.SiloEndpoint}");
        output.WriteLine($"gateway {settings.GatewayEndpoint}");
        output.WriteLine($"health {settings.HttpBase}{MeshEndpoints.ReadyPath}");
        output.WriteLine($"metrics {settings.HttpBase}{SiloTelemetry.MetricsPath}");
        output.WriteLine(settings.DashboardEnabled ? $"dashboard {settings.HttpBase}{MeshEndpoints.DashboardPath}" : "dashboard off");
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        if (await ReadyAsync(app.Services.GetRequiredService<HealthCheckService>(), lifetime.ApplicationStopping).ConfigureAwait(false))
            output.WriteLine("ready");

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Waits until <c>/health/ready</c> would answer 200; false when shutdown came first.</summary>
    private static async Task<bool> ReadyAsync(HealthCheckService health, CancellationToken stopping)
    {
        var pause = TimeSpan.FromMilliseconds(20);
        while (!stopping.IsCancellationRequested)
        {
            var report = await health.CheckHealthAsync(check => check.Tags.Contains(MeshEndpoints.ReadyTag), stopping).ConfigureAwait(false);
            if (report.Status == HealthStatus.Healthy)
                return true;
            try
            {
                await Task.Delay(pause, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
        }

        return false;
    }
}
