using System.Globalization;
using System.Text.RegularExpressions;

namespace Article42.Mesh.IntegrationTests.ClientSurface;

/// <summary>
/// Refused calls cost nothing lasting, against a real silo process (issue 16): 20,000 calls a plain Orleans client makes
/// on distinct junk keys of every grain type (<see cref="JunkCalls"/>), unknown participants' challenges included, leave
/// the silo's activation count at its baseline (Orleans' own <c>orleans_catalog_activations</c> gauge, scraped from the
/// silo's <c>/metrics</c> with the operator token), its resident memory grown by less than 50 MB, and its journal as it was.
/// </summary>
public sealed class RefusedCallCostSiloTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    private const int Calls = 20_000;
    private const int Warmup = Calls; // as many as measured: the process reaches the GC budgets of this load before the measure
    private const int Batch = 500;
    private const long ResidentGrowthLimit = 50L * 1024 * 1024;

    [Fact]
    public async Task Twenty_thousand_refused_calls_on_junk_keys_leave_the_silo_process_at_its_activation_baseline_memory_and_journal()
    {
        await GatewayChecks.FranceReachesGermanyAsync(mesh.Home, mesh.Ports.Gateway);
        await using var client = await MeshClient.ConnectEmbeddedAsync(mesh.Ports.Gateway);
        Assert.NotNull(await client.Client.GetGrain<IParticipantGrain>("FR").ChallengeAsync());
        var baseline = await ActivationsAsync();
        // A first round on other keys: the silo JIT-compiles these paths and grows its pools and GC budgets once, so
        // what the 20,000 measured calls leave behind is what refusals cost, not the process warming up.
        await CallsAsync(client.Client, Calls, Warmup);
        await BackAtBaselineAsync(baseline);
        var journal = JournalRows.PathIn(mesh.Home);
        var rows = await JournalRows.CountAsync(journal);
        var meter = ProcessMeter.Start(mesh.Silo);
        var clock = TimeProvider.System.GetTimestamp();

        await CallsAsync(client.Client, 0, Calls);

        var elapsed = TimeProvider.System.GetElapsedTime(clock);
        await BackAtBaselineAsync(baseline);
        var growth = meter.Since();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Calls} calls in {elapsed.TotalSeconds:0.0} s; activations {baseline} before and after; silo {growth}; journal {rows}");
        Assert.True(growth.ResidentBytes < ResidentGrowthLimit, $"the silo's resident memory grew by {growth.ResidentBytes / 1024 / 1024} MB");
        Assert.Equal(rows, await JournalRows.CountAsync(journal));
        await GatewayChecks.FranceReachesGermanyAsync(mesh.Home, mesh.Ports.Gateway);
    }

    /// <summary>Makes junk calls <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/>, each answered or refused as <see cref="JunkCalls"/> expects.</summary>
    private static async Task CallsAsync(IGrainFactory client, int first, int count)
    {
        for (var start = first; start < first + count; start += Batch)
        {
            var codes = await Task.WhenAll(Enumerable.Range(start, Batch).Select(i => JunkCalls.CallAsync(client, i)));
            Assert.Equal(Enumerable.Range(start, Batch).Select(JunkCalls.ExpectedCode), codes);
        }
    }

    private Task BackAtBaselineAsync(double baseline) =>
        Deadline.UntilAsync(async () => await ActivationsAsync() <= baseline, TimeSpan.FromSeconds(30),
            $"the silo's activation count back at its baseline of {baseline}");

    /// <summary>The silo's live activations, system targets included, as Orleans itself counts them (its catalog's gauge).</summary>
    private async Task<double> ActivationsAsync()
    {
        using var http = OperatorHttp.Client();
        var metrics = await http.GetStringAsync(mesh.Ports.Url("/metrics"), TestContext.Current.CancellationToken);
        // One line per grain type: the silo's count is their sum.
        var gauge = Regex.Matches(metrics, @"^orleans_catalog_activations(?:\{[^}]*\})? ([0-9.e+]+)", RegexOptions.Multiline);
        Assert.NotEmpty(gauge);
        return gauge.Sum(line => double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture));
    }
}
