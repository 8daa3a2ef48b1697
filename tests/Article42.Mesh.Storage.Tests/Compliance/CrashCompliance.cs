using System.Collections.Concurrent;
using System.Diagnostics;
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
        var acknowledged = new ConcurrentDictionary<string, long>();
        var acks = 0;
        var errors = new ConcurrentQueue<string>();
        var enoughAcks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdoutClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var helper = CreateHelper([.. backend.CrashHelperArguments("crash"), Streams.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        helper.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                stdoutClosed.TrySetResult();
            }
            else if (line.Data.Split(' ') is ["ack", var stream, var text] && long.TryParse(text, out var version))
            {
                acknowledged.AddOrUpdate(stream, version, (_, old) => Math.Max(old, version));
                if (Interlocked.Increment(ref acks) >= AcksBeforeKill)
                {
                    enoughAcks.TrySetResult();
                }
            }
            else if (line.Data != "ready")
            {
                errors.Enqueue(line.Data);
            }
        };
        var stderr = new ConcurrentQueue<string>();
        helper.ErrorDataReceived += (_, line) => stderr.Enqueue(line.Data ?? string.Empty);
        helper.Start();
        helper.BeginOutputReadLine();
        helper.BeginErrorReadLine();

        try
        {
            var first = await Task.WhenAny(enoughAcks.Task, helper.WaitForExitAsync(TestContext.Current.CancellationToken))
                .WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(90)), TestContext.Current.CancellationToken);
            Assert.True(first == enoughAcks.Task, $"the crash helper stopped by itself: {string.Join('\n', stderr)}");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no {AcksBeforeKill} acknowledged appends from the crash helper in time (got {Volatile.Read(ref acks)}): {string.Join('\n', stderr)}");
        }
        finally
        {
            helper.Kill(); // SIGKILL: no finally blocks, no flush, no dispose in the helper.
        }

        await helper.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Acks already in the pipe count too: the helper printed each only once its append was durable.
        await stdoutClosed.Task.WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(30)), TestContext.Current.CancellationToken);
        Assert.Empty(errors);
        Assert.Equal(Streams, acknowledged.Count);

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

    private static Process CreateHelper(IEnumerable<string> arguments)
    {
        var helper = Path.Combine(AppContext.BaseDirectory, "Article42.Mesh.Storage.CrashHelper.dll");
        Assert.True(File.Exists(helper), $"crash helper not built next to the tests: {helper}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(helper);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new Process { StartInfo = start };
    }
}
