using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Applies the newest operator-signed registry document of the journal (<see cref="RegistryJournal"/>) without a
/// restart: every <see cref="RegistryOptions.PollInterval"/> it reads the stream's head, verifies the document against
/// <c>operator.pub</c> and, when it is newer, swaps it into the <see cref="IRegistryHolder"/>. A refused document is
/// logged with its code and nothing of it is applied. Each silo runs one.
/// </summary>
internal sealed class RegistryFollower(
    IRegistryHolder holder,
    IMessageJournal journal,
    OperatorKey operatorKey,
    IOptions<RegistryOptions> options,
    MeshClock clock,
    ILogger<RegistryFollower> logger) : BackgroundService
{
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
            if (await RegistryJournal.NewestAfterAsync(journal, _position, stoppingToken) is not { } newest)
                return;
            _position = newest.Position;
            var verdict = RegistryDocuments.Verify(newest.Document, key, holder.Version, $"{RegistryJournal.Stream}#{newest.Position}");
            if (verdict.Registry is { } next && holder.TryApply(next))
                logger.LogInformation("Registry version {Version} applied", next.Version);
            else if (verdict.Error is { Code: not ErrorCodes.RegistryNotNewer } refused)
                logger.LogWarning("Registry document {Position} refused, nothing applied: {Error}", newest.Position, refused);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read the registry stream; the next poll retries");
        }
    }
}
