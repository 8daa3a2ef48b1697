using Orleans.Core.Internal;

namespace Article42.Mesh.Grains.Tests;

/// <summary>A refused call on a registered participant's fresh activation reads nothing: state loads on the first allowed call.</summary>
public sealed class FreshParticipantLoadTests(QuietKeeperCountingFixture mesh) : IClassFixture<QuietKeeperCountingFixture>
{
    [Fact]
    public async Task A_refused_call_on_a_registered_participant_not_yet_active_reads_nothing_from_the_journal()
    {
        // Registered ids, so the grain would load their state if it loaded on activation (an unknown id never loads).
        var fresh = TestKeys.Registry.Participants.Select(p => p.Id).Where(id => id is not "FR" and not "DE").ToHashSet(StringComparer.Ordinal);
        JournalWork FreshWork() => mesh.Counting.Work(exclude: (_, id) => !id.Split('/').Any(fresh.Contains));
        // The silo activates every registered participant when it starts (recovery): wait out the loads that wake began
        // (they would be counted as the refusals' work), then collect them, so each refused call below makes a new activation.
        await mesh.Counting.QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        await mesh.SiloGrains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var before = FreshWork();

        foreach (var id in fresh)
        {
            var participant = mesh.Grains.GetGrain<IParticipantGrain>(id);
            await RefusedAsync(() => participant.DeliverAsync(new DeliveryBatch("FR", [])).AsTask());
            await RefusedAsync(() => participant.Cast<IGrainManagementExtension>().DeactivateOnIdle().AsTask());
        }

        var work = FreshWork().Since(before);
        Assert.True(work.Reads == 0 && work.Writes == 0, $"{fresh.Count} fresh participants refused twice each; journal {work}");
    }

    private static async Task RefusedAsync(Func<Task> call) =>
        Assert.Equal(ErrorCodes.OutsideClientSurface, (await Assert.ThrowsAsync<MeshCallRefusedException>(call)).Error.Code);
}
