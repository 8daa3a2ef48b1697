using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// <c>a42 status</c> shows the registry version each silo applies and flags a mismatch (issue #21): two silos share a
/// journal, one of them polls it only once an hour, so it stays behind when an update is appended.
/// </summary>
public sealed class RegistryVersionStatusTests
{
    [Fact]
    public async Task Status_shows_each_silos_registry_version_and_flags_the_silo_held_behind()
    {
        using var operatorKey = ParticipantKeys.Generate();
        var silosBuilt = 0;
        await using var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Silos = 2,
            Services = services =>
            {
                var publicKey = ECDsa.Create();
                publicKey.ImportSubjectPublicKeyInfo(operatorKey.ExportSubjectPublicKeyInfo(), out _);
                services.AddSingleton(new OperatorKey(publicKey));
                // The second silo built reads the registry stream at its start and then not for an hour: it stays behind.
                if (Interlocked.Increment(ref silosBuilt) == 2)
                    services.PostConfigure<RegistryOptions>(o => o.PollInterval = TimeSpan.FromHours(1));
            },
        });
        var admin = mesh.Grains.GetGrain<IAdminGrain>(0);
        var agreed = await StatusAsync(admin, operatorKey);
        Assert.Equal([0L, 0L], agreed.Silos.Select(s => s.RegistryVersion));
        Assert.False(agreed.RegistryVersionsDiffer);

        var next = KeyedRegistry.Registry.Next(KeyedRegistry.Registry.Participants, DateTimeOffset.UtcNow);
        Assert.True(await RegistryJournal.TryAppendAsync(mesh.Journal, RegistryDocuments.Encode(RegistryDocuments.Sign(next.ToDocument(), operatorKey)), TestContext.Current.CancellationToken));

        MeshStatus? split = null;
        await Deadline.UntilAsync(async () =>
        {
            split = await StatusAsync(admin, operatorKey);
            return split.Silos.Any(s => s.RegistryVersion == 1);
        }, TimeSpan.FromSeconds(20), "the silo that polls every second applies version 1");
        Assert.Equal([0L, 1L], split!.Silos.Select(s => s.RegistryVersion!.Value).Order());
        Assert.True(split.RegistryVersionsDiffer);
        var silos = mesh.Cluster.Silos.Select(s => s.SiloAddress.ToParsableString()).Order(StringComparer.Ordinal);
        Assert.Equal(silos, split.Silos.Select(s => s.Address).Order(StringComparer.Ordinal));
    }

    private static async Task<MeshStatus> StatusAsync(IAdminGrain admin, ECDsa operatorKey) =>
        (await admin.StatusAsync(OperatorProofs.Create(OperatorProofs.Status, "", operatorKey, DateTimeOffset.UtcNow))).Status!;
}
