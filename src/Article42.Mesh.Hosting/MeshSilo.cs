using Article42.Mesh.Hosting.Configuration;
using Article42.Mesh.Hosting.Http;
using Article42.Mesh.Hosting.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
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
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        RunAsync(args, output ?? Console.Out, error ?? Console.Error, decorateJournal: null);

    /// <summary>
    /// The fault suite's own silo host: a silo whose journal <paramref name="decorateJournal"/> wraps, given the
    /// configuration (its <c>Faults:*</c> keys, which every other silo refuses: <see cref="FaultInjection"/>).
    /// </summary>
    internal static Task<int> RunWithJournalDecoratorAsync(string[] args, Func<IConfiguration, IMessageJournal, IMessageJournal> decorateJournal) =>
        RunAsync(args, Console.Out, Console.Error, decorateJournal);

    private static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IConfiguration, IMessageJournal, IMessageJournal>? decorateJournal)
    {
        try
        {
            await using var silo = await StartAsync(args, output, decorateJournal).ConfigureAwait(false);
            await silo.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
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
    }

    /// <summary>
    /// Starts a silo and returns once it is ready (or shutting down), printing the start-up lines to
    /// <paramref name="output"/>. Throws <see cref="ConfigurationFailedException"/> for bad settings and
    /// <see cref="MeshStartException"/> when something it needs is unavailable. An in-process embedded mesh (the
    /// exercise runner) is this call with its own data directory and ports.
    /// </summary>
    public static Task<RunningSilo> StartAsync(string[] args, TextWriter output) => StartAsync(args, output, decorateJournal: null);

    private static async Task<RunningSilo> StartAsync(string[] args, TextWriter output, Func<IConfiguration, IMessageJournal, IMessageJournal>? decorateJournal)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        MeshConfiguration.AddSources(builder.Configuration, args);
        var (settings, errors) = MeshSettingsReader.Read(builder.Configuration, Environment.GetEnvironmentVariable);
        if (settings is null)
            throw new ConfigurationFailedException(errors);
        if (decorateJournal is null)
            FaultInjection.Refuse(builder.Configuration);

        output.WriteLine($"profile {settings.Profile.ToString().ToLowerInvariant()}");
        var registry = MeshTrustStore.Prepare(settings, output);
        var operatorKey = MeshTrustStore.OperatorKeyOf(settings);
        MeshTrustStore.CheckSigned(settings, registry, operatorKey, output);
        var secret = ClusterSecretFile.Resolve(settings);
        var credential = OperatorCredential.Resolve(settings);
        var tls = SiloTls.Prepare(settings, output);
        await StartChecks.RunAsync(settings).ConfigureAwait(false);
        var journal = await OpenJournalAsync(settings).ConfigureAwait(false);
        if (decorateJournal is not null)
            journal = decorateJournal(builder.Configuration, journal);
        WebApplication? app = null;
        try
        {
            output.WriteLine($"journal {MeshJournal.Describe(settings)}");
            builder.AddArticle42Mesh(new MeshStart(settings, registry, operatorKey, journal, secret, tls));
            app = builder.Build();
            app.MapArticle42MeshEndpoints(settings, credential.Token);
            await StartAppAsync(app).ConfigureAwait(false);
            output.WriteLine($"silo {settings.Cluster.SiloEndpoint}");
            output.WriteLine($"gateway {settings.Cluster.GatewayEndpoint}");
            output.WriteLine($"health {settings.HttpBase}{MeshEndpoints.ReadyPath}");
            output.WriteLine($"metrics {settings.HttpBase}{SiloTelemetry.MetricsPath}");
            output.WriteLine(settings.Dashboard.Enabled ? $"dashboard {settings.HttpBase}{MeshEndpoints.DashboardPath}" : "dashboard off");
            output.WriteLine($"operator-token {credential.Source}");
            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            if (await ReadyAsync(app.Services.GetRequiredService<HealthCheckService>(), lifetime.ApplicationStopping).ConfigureAwait(false))
                output.WriteLine("ready");
            return new RunningSilo(settings, app, journal);
        }
        catch
        {
            if (app is not null)
                await app.DisposeAsync().ConfigureAwait(false);
            await journal.DisposeAsync().ConfigureAwait(false);
            throw;
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

    private static async Task StartAppAsync(WebApplication app)
    {
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new MeshStartException(new MeshError(ConfigErrorCodes.SiloStartFailed, "silo", $"could not start: {OneLine.Of(ex.Message)}"));
        }
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
