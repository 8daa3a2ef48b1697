using System.Net;
using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Gateway;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// A full disk under PostgreSQL's data directory (issue 20): the journal's server on a 128 MB tmpfs that the test fills.
/// A send whose table needs a new page is refused with <see cref="ErrorCodes.JournalFull"/> (PostgreSQL's
/// <c>53100 disk_full</c>, "could not extend file"), nothing is stored, the silo keeps serving, and the same send is
/// accepted once the space is back (PostgreSQL started again when it stopped itself on a failed WAL write).
/// </summary>
public sealed class PostgresFullDiskTests
{
    [Fact]
    public async Task A_send_on_a_full_PostgreSQL_disk_is_refused_with_its_code_and_accepted_once_space_returns()
    {
        if (!SizeLimitedDisk.CanMount)
            throw RequiredService.Unavailable("mounting a size-limited tmpfs needs root");
        using var output = new TestOutputWriter();
        using var work = new TempDirectory();
        await using var disk = await SizeLimitedDisk.MountAsync(megabytes: 128);
        var pgRoot = Path.Combine(disk.Path, "pg");
        await using var postgres = await PostgresServer.StartAsync(directory: pgRoot);
        var journal = await postgres.CreateDatabaseAsync("mesh");
        // The cluster profile: the embedded one keeps its journal in SQLite whatever it is given.
        await using var redis = await RedisServer.StartAsync();
        var keys = Path.Combine(work.Path, "keys");
        var store = TrustStore.Create(keys, ParticipantRegistry.Default);
        var ports = FreePorts.Take(3);
        await using var silo = new SiloNode("silo", ports[0], ports[1], ports[2], work.Path,
            ["--profile", "cluster", "--redis", redis.ConnectionString, "--postgres", journal, "--keys", keys, $"--Security:ClusterSecret={FaultCluster.ClusterSecret}", "--Http:OperatorToken=operator-token-of-the-full-disk-test"], new ProcessLogs(Path.Combine(work.Path, "logs")), SiloProgram.Shipped, NetworkPlace.Loopback);
        await silo.StartAsync();
        await using var gateway = await MeshGateway.ConnectAsync(new MeshGatewayOptions
        {
            Participant = "FR",
            PrivateKey = store.LoadPrivateKey("FR"),
            Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, silo.GatewayPort)] },
            SendDeadline = TimeSpan.FromSeconds(60),
        });
        await gateway.SendAsync(gateway.Draft(MessageKind.Sitrep, "DE"));

        await disk.FillAsync();
        var (refusedDraft, refused) = await UntilRefusedAsync(gateway, attempts: 2000);
        var serverLog = await File.ReadAllLinesAsync(Path.Combine(pgRoot, "server.log"));
        foreach (var line in serverLog.Where(l => l.Contains("ERROR", StringComparison.Ordinal) || l.Contains("PANIC", StringComparison.Ordinal)).Take(5))
            output.WriteLine($"postgres: {line}");
        output.WriteLine($"refused: {refused.Message}");
        Assert.True(refused.Has(ErrorCodes.JournalFull), refused.Message);
        Assert.Contains(serverLog, l => l.Contains("could not extend file", StringComparison.Ordinal));
        Assert.True(silo.Running, silo.Process!.Describe());

        disk.Free();
        var panicked = serverLog.Any(l => l.Contains("PANIC", StringComparison.Ordinal));
        if (panicked)
            await postgres.StartAgainAsync();
        var receipt = await gateway.SendAsync(refusedDraft);

        output.WriteLine($"PostgreSQL stopped on a failed WAL write: {panicked}");
        Assert.Equal("DE", Assert.Single(receipt.Recipients));
        Assert.True(silo.Running, silo.Process!.Describe());
        await silo.TerminateAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<(Envelope Draft, MeshRefusedException Refused)> UntilRefusedAsync(MeshGateway gateway, int attempts)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var draft = Large(gateway.Draft(MessageKind.Sitrep, "DE"));
            try
            {
                await gateway.SendAsync(draft);
            }
            catch (MeshRefusedException refused)
            {
                return (draft, refused);
            }
        }
        throw new Xunit.Sdk.XunitException($"{attempts} sends accepted on a full disk");
    }

    /// <summary>
    /// A SITREP of some 80 KB (five texts of 16,000 characters, under the 16,384 limit) that does not compress much
    /// (PostgreSQL compresses what it moves out of line): each send needs new pages soon, and the loop stays far below
    /// the sender's rate limit.
    /// </summary>
    private static Envelope Large(Envelope draft) =>
        draft with { Payload = ((SitrepBody)draft.Payload!) with { Situation = Text(), ThreatAssessment = Text(), CasualtiesDamage = Text(), ActionsTaken = Text(), HnsStatus = Text() } };

    private static string Text() => string.Concat(Enumerable.Range(0, 500).Select(_ => Guid.NewGuid().ToString("N")));
}
