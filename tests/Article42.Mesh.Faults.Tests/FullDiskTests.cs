using System.Net;
using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Gateway;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// A full disk under the journal (issue 20): a send is refused with <see cref="ErrorCodes.JournalFull"/>, nothing is
/// stored, the silo keeps serving, and the same send is accepted once the space is back. The embedded profile's SQLite
/// journal on a 64 MB tmpfs that the test fills.
/// </summary>
public sealed class FullDiskTests
{
    [Fact]
    public async Task A_send_on_a_full_journal_disk_is_refused_with_its_code_and_accepted_once_space_returns()
    {
        if (!SizeLimitedDisk.CanMount)
            throw RequiredService.Unavailable("mounting a size-limited tmpfs needs root");
        using var work = new TempDirectory();
        await using var disk = await SizeLimitedDisk.MountAsync(megabytes: 64);
        var keys = Path.Combine(work.Path, "keys");
        var store = TrustStore.Create(keys, ParticipantRegistry.Default);
        var ports = FreePorts.Take(3);
        await using var silo = new SiloNode("silo", ports[0], ports[1], ports[2], work.Path,
            ["--profile", "embedded", "--data", disk.Path, "--keys", keys], new ProcessLogs(Path.Combine(work.Path, "logs")), SiloProgram.Shipped, NetworkPlace.Loopback);
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
        // SQLite reuses its write-ahead log from the start after a checkpoint: the first sends may still fit in it.
        var (refusedDraft, refused) = await UntilRefusedAsync(gateway, attempts: 500);
        Assert.True(refused.Has(ErrorCodes.JournalFull), refused.Message);
        Assert.True(silo.Running, silo.Process!.Describe());

        disk.Free();
        var receipt = await gateway.SendAsync(refusedDraft);

        Assert.Equal("DE", Assert.Single(receipt.Recipients));
        Assert.True(silo.Running, silo.Process!.Describe());
        await silo.TerminateAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<(Envelope Draft, MeshRefusedException Refused)> UntilRefusedAsync(MeshGateway gateway, int attempts)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var draft = gateway.Draft(MessageKind.Sitrep, "DE");
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
}
