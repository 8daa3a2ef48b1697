using Article42.Mesh.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Report polling costs the same whatever the history (issue 19, item 2): a participant whose stream holds 100,000
/// entries that are not reports (a participant that mostly receives) and one whose stream is empty, each with a gateway
/// polling its report feed; once the feed has been read through, a poll reads as many rows for the one as for the other.
/// </summary>
public sealed class ReportFeedCostTests : IAsyncLifetime
{
    private const string Seeded = "SE";
    private const string Empty = "FI";
    private const int History = 100_000;
    private const int Polls = 5;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(120);
    private MeshCluster _mesh = null!;
    private CountingJournal _counting = null!;

    public async ValueTask InitializeAsync()
    {
        _mesh = await MeshCluster.StartAsync(services: services =>
        {
            var journal = (IMessageJournal)services.Last(s => s.ServiceType == typeof(IMessageJournal)).ImplementationInstance!;
            services.AddSingleton<IMessageJournal>(_counting = new CountingJournal(journal));
        });
        // Straight into the journal, before the participant's grain is activated: entries of a kind that is no report.
        for (var version = 0L; version < History; version += 10_000)
        {
            var entries = Enumerable.Range(0, 10_000).Select(_ => new JournalEntry("fetched", "{}"u8.ToArray())).ToList();
            Assert.IsType<AppendResult.Appended>(await _mesh.Journal.AppendAsync(Stream(Seeded), version, entries));
        }
    }

    public async ValueTask DisposeAsync() => await _mesh.DisposeAsync();

    [Fact]
    public async Task A_poll_of_the_report_feed_reads_as_many_rows_after_100000_other_entries_as_after_none_and_reports_still_come()
    {
        await using var seeded = _mesh.Gateway(Seeded);
        await using var empty = _mesh.Gateway(Empty);
        await using var seededReports = new Reader<MeshEvent>(seeded.ReportsAsync);
        await using var emptyReports = new Reader<MeshEvent>(empty.ReportsAsync);
        // Reading the feeds starts their polling; the DRs awaited come from messages sent after the measurement.
        var toEmpty = Messages.Draft(Seeded, [Empty]);
        var toSeeded = Messages.Draft(Empty, [Seeded]);
        var seededDr = seededReports.NextMatchingAsync(e => e is Delivered d && d.MessageId == toEmpty.MsgId, "the DR after 100,000 other entries", Within * 2);
        var emptyDr = emptyReports.NextMatchingAsync(e => e is Delivered d && d.MessageId == toSeeded.MsgId, "the DR on the empty feed", Within * 2);

        // Read through once: bounded reads, each starting where the last one stopped.
        await Deadline.UntilAsync(async () => (await RowsPerPollAsync(Seeded)).Max() == 0, Within, "the seeded feed read through");
        var seededPolls = await RowsPerPollAsync(Seeded);
        var emptyPolls = await RowsPerPollAsync(Empty);
        Assert.Equal(emptyPolls, seededPolls);
        Assert.All(seededPolls, rows => Assert.Equal(0, rows));

        // The feed still brings what comes after the history, to both.
        await seeded.SendAsync(toEmpty);
        await empty.SendAsync(toSeeded);
        await seededDr;
        await emptyDr;
    }

    private static string Stream(string participant) => $"participant/{participant}";

    /// <summary>The rows each of the next few polls of the participant's feed read from its stream.</summary>
    private async Task<long[]> RowsPerPollAsync(string participant)
    {
        var rows = new long[Polls];
        for (var poll = 0; poll < Polls; poll++)
        {
            var before = StreamWork(participant);
            await Deadline.UntilAsync(() => StreamWork(participant).Since(before).Calls.GetValueOrDefault(nameof(IMessageJournal.ReadStreamAsync)) >= 1,
                Within, $"a poll of {participant}'s report feed");
            rows[poll] = StreamWork(participant).Since(before).RowsRead;
        }
        return rows;
    }

    private JournalWork StreamWork(string participant) => _counting.Work((_, id) => id != Stream(participant));
}
