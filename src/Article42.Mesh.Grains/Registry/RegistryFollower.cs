using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Applies the newest operator-signed registry document of the journal (<see cref="RegistryJournal"/>) without a
/// restart: every <see cref="RegistryOptions.PollInterval"/> it reads the entries appended since its last poll,
/// verifies each against <c>operator.pub</c> and swaps the newest valid one, when newer, into the
/// <see cref="IRegistryHolder"/>. A refused document is logged with its code and nothing of it is applied. Each silo runs one.
/// </summary>
internal sealed class RegistryFollower(
    IRegistryHolder holder,
    IMessageJournal journal,
    OperatorKey operatorKey,
    IOptions<RegistryOptions> options,
    MeshClock clock,
    ILogger<RegistryFollower> logger) : BackgroundService
{
    /// <summary>How many of the stream's newest entries a silo reads when it starts.</summary>
    internal const int ScanWindow = 64;

    private long _position;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A copy of its own: an imported key is not documented as safe to share with the admin grain's verifications.
        using var key = operatorKey.PublicKey is { } shared ? ECDsa.Create(shared.ExportParameters(includePrivateParameters: false)) : null;
        if (key is null)
            logger.LogWarning("No {File} in the keys directory: registry updates from the journal are not applied", OperatorKey.FileName);
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock.Time);
        do
        {
            if (key is not null)
                await FollowAsync(key, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task FollowAsync(ECDsa key, CancellationToken stoppingToken)
    {
        try
        {
            var newest = await journal.GetVersionAsync(RegistryJournal.Stream, stoppingToken);
            if (newest <= _position)
                return;
            // Every entry since the last poll, not only the newest: a refused newest entry (appended around the admin
            // method, or by another operator key) must not hide a valid newer version before it. At start, the last
            // ScanWindow entries: the stream holds one entry per update, so the window is many updates deep.
            var from = Math.Max(_position + 1, newest - ScanWindow + 1);
            ParticipantRegistry? next = null;
            await foreach (var entry in journal.ReadStreamAsync(RegistryJournal.Stream, from, stoppingToken))
            {
                if (entry.Version > newest)
                    break;
                var verdict = RegistryDocuments.Verify(entry.Payload, key, Math.Max(holder.Version, next?.Version ?? 0), $"{RegistryJournal.Stream}#{entry.Version}");
                if (verdict.Registry is { } valid)
                    next = valid;
                else if (verdict.Error is { Code: not ErrorCodes.RegistryNotNewer } refused)
                    logger.LogWarning("Registry document {Position} refused, nothing applied: {Error}", entry.Version, refused);
            }
            _position = newest;
            if (next is not null && holder.TryApply(next))
                logger.LogInformation("Registry version {Version} applied", next.Version);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read the registry stream; the next poll retries");
        }
    }
}
