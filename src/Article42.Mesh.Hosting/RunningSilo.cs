using Article42.Mesh.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Hosting;

/// <summary>A started silo: its settings, and the way to wait for its shutdown or stop it.</summary>
public sealed class RunningSilo(MeshSettings settings, WebApplication app, IMessageJournal journal) : IAsyncDisposable
{
    public MeshSettings Settings { get; } = settings;

    /// <summary>The silo's own grain factory: its calls carry the cluster secret, so silo-only methods answer.</summary>
    public IGrainFactory GrainFactory => app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Completes when the host is told to stop (SIGTERM, Ctrl+C) and has stopped.</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    /// <summary>Stops the silo gracefully (it leaves the cluster), then closes the journal.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        await journal.DisposeAsync().ConfigureAwait(false);
    }
}
