namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Refused calls cost nothing lasting (issue 16): 20,000 calls a plain client makes on distinct junk keys of every grain
/// type, and to unknown participants on an allowed method, leave no activation behind, no journal row, and the heap
/// as it was. The heap is process-wide: read settled (<see cref="SettledHeap"/>), with no other class running (run 100
/// of issue 24's series read 63 MB of growth, another class's messages alive at the second reading).
/// </summary>
[Collection(nameof(RefusedCallCostTests))]
[CollectionDefinition(nameof(RefusedCallCostTests), DisableParallelization = true)]
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
        // The baseline is the keeper's steady state, every registered participant active: the keeper wakes them all at
        // start and every minute, so one it has not woken yet (its start-up round still running on a loaded machine, or
        // one collected meanwhile) would be activated during the wait below and counted as a junk call's leftover.
        await mesh.WakeEveryParticipantAsync();
        var baseline = await management.GetTotalActivationCount();
        var baselineByType = await ActivationsByTypeAsync(management);
        var heap = SettledHeap.Bytes();
        var before = mesh.Counting.Work();
        var junkBefore = JunkWork();

        for (var start = 0; start < Calls; start += Batch)
            await Task.WhenAll(Enumerable.Range(start, Batch).Select(JunkCallAsync));

        try
        {
            await Deadline.UntilAsync(async () => await management.GetTotalActivationCount() <= baseline, TimeSpan.FromSeconds(60),
                $"the activation count back at its baseline of {baseline}");
        }
        catch (TimeoutException timeout)
        {
            var now = await ActivationsByTypeAsync(management);
            var grownTypes = now.Where(t => t.Value > baselineByType.GetValueOrDefault(t.Key)).Select(t => $"{t.Key}: {baselineByType.GetValueOrDefault(t.Key)} -> {t.Value}");
            throw new TimeoutException($"{timeout.Message} Grown: {string.Join("; ", grownTypes)}", timeout);
        }
        var grown = SettledHeap.Bytes() - heap;
        Assert.True(grown < HeapGrowthLimit, $"the heap grew by {grown / 1024 / 1024} MB");
        Assert.Equal(0, mesh.Counting.Work().Since(before).Writes);
        // Not even a read of the junk grains' streams: state loads on the first allowed call, never on activation.
        Assert.Equal(0, JunkWork().Since(junkBefore).Reads);
        TestContext.Current.TestOutputHelper?.WriteLine($"{Calls} calls; activations {baseline} before and after; heap grown {grown / 1024} KB; journal {mesh.Counting.Work().Since(before)}");
        await mesh.AssertFranceReachesGermanyAsync();
    }

    private static async Task<Dictionary<string, int>> ActivationsByTypeAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).GroupBy(s => s.GrainType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);

    private JournalWork JunkWork() => mesh.Counting.Work(exclude: (_, stream) => !stream.Contains("JUNK-", StringComparison.Ordinal));

    private async Task JunkCallAsync(int i) => Assert.Equal(JunkCalls.ExpectedCode(i), await JunkCalls.CallAsync(mesh.Grains, i));
}
