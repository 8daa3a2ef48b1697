using Article42.Mesh.Storage.Tests.Backends;
using Article42.Mesh.TestKit;
using static Article42.Mesh.Storage.Tests.Compliance.Journals;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>
/// Durability against a real crash: another process appends and prints each acknowledged version, is killed
/// with SIGKILL while appends are in flight, and the journal must hold every acknowledged entry, whole.
/// </summary>
public abstract class CrashCompliance(JournalBackend backend) : IAsyncDisposable
{
    private const int Streams = 8;
    private const int AcksBeforeKill = 400;

    [Fact]
    public async Task Every_acknowledged_append_survives_SIGKILL_of_the_writer_mid_append_and_streams_stay_contiguous()
    {
        var helperDll = Path.Combine(AppContext.BaseDirectory, "Article42.Mesh.Storage.CrashHelper.dll");
        Assert.True(File.Exists(helperDll), $"crash helper not built next to the tests: {helperDll}");
        await using var helper = TestProcess.StartDll("crash helper", "Article42.Mesh.Storage.CrashHelper.dll",
            [.. backend.CrashHelperArguments("crash"), Streams.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        try
        {
            await Deadline.UntilAsync(
                () => helper.HasExited ? throw new InvalidOperationException($"the crash helper stopped by itself:\n{helper.Describe()}") : Versions(helper.Output, "ack").Count() >= AcksBeforeKill,
                TimeSpan.FromSeconds(90),
                $"{AcksBeforeKill} acknowledged appends from the crash helper");
        }
        finally
        {
            await helper.KillAsync(); // SIGKILL: no finally blocks, no flush, no dispose in the helper.
        }

        // Acks already in the pipe count too: the helper printed each only once its append was durable.
        await helper.ExitedAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(helper.Output, line => line != "ready" && !line.StartsWith("ack ", StringComparison.Ordinal) && !line.StartsWith("append ", StringComparison.Ordinal));
        var acknowledged = Versions(helper.Output, "ack").GroupBy(ack => ack.Stream).ToDictionary(g => g.Key, g => g.Max(ack => ack.Version));
        Assert.Equal(Streams, acknowledged.Count);

        // The kill came mid-append: some append had begun (its line printed) and was never acknowledged.
        var begun = Versions(helper.Output, "append").GroupBy(append => append.Stream).ToDictionary(g => g.Key, g => g.Max(append => append.Version));
        Assert.True(begun.Any(b => b.Value > acknowledged.GetValueOrDefault(b.Key)),
            $"no append in flight at the kill: begun {string.Join(", ", begun.OrderBy(b => b.Key))}, acknowledged {string.Join(", ", acknowledged.OrderBy(a => a.Key))}");

        var journal = await backend.OpenAsync("crash");
        foreach (var (streamId, ackedVersion) in acknowledged)
        {
            var entries = await ReadAllAsync(journal, streamId);
            Assert.True(entries.Count >= ackedVersion, $"{streamId}: version {ackedVersion} was acknowledged, only {entries.Count} entries survived.");
            AssertContiguousAndWhole(streamId, entries);
            Assert.Equal($"{streamId}-{entries.Count}", entries[^1].MessageId);

            // The store is usable after the crash: the next append goes on from what survived.
            Assert.Equal(entries.Count + 1, NewVersion(await journal.AppendAsync(streamId, entries.Count, EntriesAt(streamId, entries.Count + 1, 1))));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The helper's <paramref name="verb"/> lines (<c>append</c> or <c>ack</c>): stream and version.</summary>
    private static IEnumerable<(string Stream, long Version)> Versions(IEnumerable<string> lines, string verb) =>
        lines.Select(line => line.Split(' '))
            .Where(parts => parts.Length == 3 && parts[0] == verb && long.TryParse(parts[2], out _))
            .Select(parts => (parts[1], long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
}
