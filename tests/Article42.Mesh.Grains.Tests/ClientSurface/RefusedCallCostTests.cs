using Orleans.Core.Internal;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Refused calls cost nothing lasting (issue 16): 20,000 calls a plain client makes on distinct junk keys of every grain
/// type, and to unknown participants on an allowed method, leave no activation behind, no journal row, and the heap
/// as it was.
/// </summary>
public sealed class RefusedCallCostTests(CountingJournalFixture mesh) : IClassFixture<CountingJournalFixture>
{
    private const int Calls = 20_000;
    private const int Batch = 500;
    private const long HeapGrowthLimit = 50L * 1024 * 1024;

    [Fact]
    public async Task Twenty_thousand_refused_calls_on_junk_keys_leave_no_activation_no_row_and_no_memory_behind()
    {
        await mesh.AssertFranceReachesGermanyAsync();
        var management = mesh.SiloGrains.GetGrain<IManagementGrain>(0);
        var baseline = await management.GetTotalActivationCount();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var before = mesh.Counting.Work();
        var junkBefore = JunkWork();

        for (var start = 0; start < Calls; start += Batch)
            await Task.WhenAll(Enumerable.Range(start, Batch).Select(JunkCallAsync));

        await Deadline.UntilAsync(async () => await management.GetTotalActivationCount() <= baseline, TimeSpan.FromSeconds(60),
            $"the activation count back at its baseline of {baseline}");
        var grown = GC.GetTotalMemory(forceFullCollection: true) - heap;
        Assert.True(grown < HeapGrowthLimit, $"the heap grew by {grown / 1024 / 1024} MB");
        Assert.Equal(0, mesh.Counting.Work().Since(before).Writes);
        // Not even a read of the junk grains' streams: state loads on the first allowed call, never on activation.
        Assert.Equal(0, JunkWork().Since(junkBefore).Reads);
        TestContext.Current.TestOutputHelper?.WriteLine($"{Calls} calls; activations {baseline} before and after; heap grown {grown / 1024} KB; journal {mesh.Counting.Work().Since(before)}");
        await mesh.AssertFranceReachesGermanyAsync();
    }

    private JournalWork JunkWork() => mesh.Counting.Work(exclude: (_, stream) => !stream.Contains("JUNK-", StringComparison.Ordinal));

    /// <summary>One call on a key nobody uses, of one of the grain types in turn: refused with A42-SEC-003, or, for an unknown participant's challenge, answered.</summary>
    private async Task JunkCallAsync(int i)
    {
        var key = $"JUNK-{i}";
        var grains = mesh.Grains;
        switch (i % 7)
        {
            case 0:
                Assert.NotNull(await grains.GetGrain<IParticipantGrain>(key).ChallengeAsync());
                return;
            case 1:
                await RefusedAsync(() => grains.GetGrain<IParticipantGrain>(key).DeliverAsync(new DeliveryBatch("FR", [])).AsTask());
                return;
            case 2:
                await RefusedAsync(() => grains.GetGrain<IParticipantGrain>(key).Cast<IGrainManagementExtension>().DeactivateOnIdle().AsTask());
                return;
            case 3:
                await RefusedAsync(() => grains.GetGrain<IActivationGrain>(key).SummaryAsync().AsTask());
                return;
            case 4:
                await RefusedAsync(() => grains.GetGrain<IExerciseGrain>(key).StatusAsync().AsTask());
                return;
            case 5:
                await RefusedAsync(() => grains.GetGrain<IAdminGrain>(i + 1).StatusAsync(null!).AsTask());
                return;
            default:
                await RefusedAsync(() => grains.GetGrain<IManagementGrain>(i + 1).GetHosts());
                return;
        }
    }

    private static async Task RefusedAsync(Func<Task> call) =>
        Assert.Equal(ErrorCodes.OutsideClientSurface, (await Assert.ThrowsAsync<MeshCallRefusedException>(call)).Error.Code);
}
