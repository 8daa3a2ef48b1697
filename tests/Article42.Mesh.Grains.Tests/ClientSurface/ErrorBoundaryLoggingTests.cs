using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A client able to make its calls fail must not make the silo log without bound (issue 16 item 5): the boundary logs
/// 20 failures at once, then one per 5 s of mesh time, each line counting the failures it did not log; a call the
/// client cancelled is no failure of the silo and is logged at Debug only.
/// </summary>
public sealed class ErrorBoundaryLoggingTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly RecordingLogger<MeshErrorBoundary> _log = new();
    private readonly MeshErrorBoundary _boundary;

    public ErrorBoundaryLoggingTests() =>
        _boundary = new MeshErrorBoundary(Options.Create(new SecurityOptions { ClusterSecret = "the silos' secret" }), new MeshClock(_time), _log);

    [Fact]
    public async Task A_thousand_failed_client_calls_log_at_most_20_plus_one_line_per_5_seconds_each_counting_the_skipped()
    {
        const int Calls = 1_000;
        var step = TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < Calls; i++)
        {
            await FailAsync(new InvalidOperationException("the journal is down"));
            _time.Advance(step);
        }
        var elapsed = step * Calls;
        var errors = ErrorLines();
        Assert.InRange(errors.Count, 20, 20 + (int)(elapsed / TimeSpan.FromSeconds(5)) + 1);

        // One more failure after a quiet 5 s: its line counts every failure since the last line, so nothing is lost.
        _time.Advance(TimeSpan.FromSeconds(5));
        await FailAsync(new InvalidOperationException("the journal is down"));
        errors = ErrorLines();
        Assert.Equal(Calls + 1, errors.Count + errors.Sum(line => (long)line["Unlogged"]!));
        Assert.Equal(ErrorCodes.MeshUnavailable, errors[^1]["Code"]);
    }

    [Fact]
    public async Task A_call_the_client_cancelled_is_logged_at_Debug_outside_the_log_budget()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        for (var i = 0; i < 50; i++)
            await FailAsync(new OperationCanceledException(cancelled.Token), cancelled.Token);
        Assert.Empty(ErrorLines());
        Assert.Equal(50, _log.Lines.Count(line => line.Level == LogLevel.Debug));

        // The budget is untouched: 20 real failures are still logged at once, none counted as skipped.
        for (var i = 0; i < 20; i++)
            await FailAsync(new InvalidOperationException("the journal is down"));
        Assert.Equal(Enumerable.Repeat(0L, 20), ErrorLines().Select(line => (long)line["Unlogged"]!));
    }

    [Fact]
    public async Task A_cancellation_the_client_did_not_ask_for_is_a_failure_of_the_silo()
    {
        await FailAsync(new OperationCanceledException("a command timeout inside the silo"));
        Assert.Single(ErrorLines());
    }

    private async Task FailAsync(Exception failure, CancellationToken callCancellation = default)
    {
        var refusal = await Assert.ThrowsAsync<MeshUnavailableException>(() => _boundary.Invoke(new ErrorBoundaryCall(failure, callCancellation)));
        Assert.Equal(ErrorCodes.MeshUnavailable, refusal.Error.Code);
    }

    private List<IReadOnlyDictionary<string, object?>> ErrorLines() =>
        [.. _log.Lines.Where(line => line.Level == LogLevel.Error).Select(line => line.Values)];
}
