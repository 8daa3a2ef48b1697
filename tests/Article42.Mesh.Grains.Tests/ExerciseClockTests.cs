using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Issue 22, item 1: exercise and drill traffic of a running exercise is judged on the exercise clock (receipt SLOs
/// divided by the compression, PAUSEEX stops them); operation traffic keeps real time. The mesh clock is the
/// fixture's fake one, so a "minute" of exercise passes in no time and nothing sleeps.
/// </summary>
public sealed class ExerciseClockTests(FakeClockFixture mesh) : IClassFixture<FakeClockFixture>
{
    [Fact]
    public async Task In_a_one_minute_exercise_a_FLASH_nobody_acknowledges_escalates_within_its_compressed_deadline_while_operation_traffic_keeps_real_time()
    {
        // ENDEX T+01:00 at compression 60: the whole exercise is one real minute; a FLASH receipt (10 min) is due in 10 s.
        await StartexAsync("EX-CLOCK-MINUTE", compression: 60);
        var drill = await mesh.Gateway("NL").SendAsync(Flash("NL", "BE", "EX-CLOCK-MINUTE"));
        var operation = await mesh.Gateway("NL").SendAsync(Flash("NL", "BE", exercise: null));

        mesh.Clock.Advance(TimeSpan.FromSeconds(5));
        var half = await EscalationsAsync("NL", drill.MessageId, count: 1);
        Assert.Equal(("BE", 50), (half[0].Recipient, half[0].ThresholdPercent ?? 0));
        // Both receipts are judged in the same pass of the same watch: the operation message was not escalated with it.
        Assert.Empty(await EscalationsNowAsync("NL", operation.MessageId));

        mesh.Clock.Advance(TimeSpan.FromSeconds(5));
        var full = await EscalationsAsync("NL", drill.MessageId, count: 2);
        Assert.Equal([50, 100], full.Select(r => r.ThresholdPercent ?? 0).Order());
        Assert.Empty(await EscalationsNowAsync("NL", operation.MessageId));

        // A yardstick sent now at compression 2 (50 % of 5 min at 2 min 30 s) escalates in the pass at 4 min 59 s, one
        // second before the operation FLASH's real-time 50 %: judged in that same pass, the operation message is not escalated.
        await StartexAsync("EX-CLOCK-MINUTE-YARDSTICK", compression: 2);
        var yardstick = await mesh.Gateway("NL").SendAsync(Flash("NL", "BE", "EX-CLOCK-MINUTE-YARDSTICK"));
        mesh.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(11));
        await EscalationsAsync("NL", yardstick.MessageId, count: 1);
        Assert.Empty(await EscalationsNowAsync("NL", operation.MessageId));

        // Operation traffic escalates on the real-time SLO: 50% of 10 minutes.
        mesh.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(50, (await EscalationsAsync("NL", operation.MessageId, count: 1))[0].ThresholdPercent);
    }

    [Fact]
    public async Task PAUSEEX_from_exercise_control_stops_the_exercise_clock_and_RESUMEEX_restarts_it()
    {
        await StartexAsync("EX-CLOCK-PAUSED", compression: 60);
        await StartexAsync("EX-CLOCK-RUNNING", compression: 60);
        var paused = await mesh.Gateway("PT").SendAsync(Flash("PT", "ES", "EX-CLOCK-PAUSED"));
        var running = await mesh.Gateway("PT").SendAsync(Flash("PT", "ES", "EX-CLOCK-RUNNING"));
        mesh.Clock.Advance(TimeSpan.FromSeconds(2));
        await mesh.Gateway("EXCON").SendAsync(Control("EX-CLOCK-PAUSED", MessageKind.Pauseex));
        Assert.True((await ClockAsync("EX-CLOCK-PAUSED")).Paused);

        // A minute of pause: the running exercise's receipt escalates; the paused one's, judged in the same pass, does not.
        mesh.Clock.Advance(TimeSpan.FromMinutes(1));
        await EscalationsAsync("PT", running.MessageId, count: 2);
        Assert.Empty(await EscalationsNowAsync("PT", paused.MessageId));

        await mesh.Gateway("EXCON").SendAsync(Control("EX-CLOCK-PAUSED", MessageKind.Resumeex));
        Assert.False((await ClockAsync("EX-CLOCK-PAUSED")).Paused);
        // A yardstick sent at RESUMEEX: compression 150 puts its 50% (5 min) at 2 s; the paused message has run 2 + 2 = 4 s of its 5.
        await StartexAsync("EX-CLOCK-YARDSTICK", compression: 150);
        var yardstick = await mesh.Gateway("PT").SendAsync(Flash("PT", "ES", "EX-CLOCK-YARDSTICK"));
        mesh.Clock.Advance(TimeSpan.FromSeconds(2));
        await EscalationsAsync("PT", yardstick.MessageId, count: 1);
        Assert.Empty(await EscalationsNowAsync("PT", paused.MessageId));

        mesh.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(50, (await EscalationsAsync("PT", paused.MessageId, count: 1))[0].ThresholdPercent);
    }

    [Fact]
    public async Task A_player_cannot_pause_the_clock_its_receipts_are_judged_on()
    {
        await StartexAsync("EX-CLOCK-PLAYER", compression: 60);
        var outcome = await mesh.Gateway("IE").SubmitAsync(Control("EX-CLOCK-PLAYER", MessageKind.Pauseex, from: "IE"));
        Assert.False((await ClockAsync("EX-CLOCK-PLAYER")).Paused, outcome.Receipt is null ? string.Join("; ", outcome.Errors) : "accepted");
    }

    private async Task StartexAsync(string exercise, int compression) =>
        await SiloSide().GetGrain<IExerciseGrain>(exercise).StartexAsync(new ExercisePlanRecord(exercise, exercise, compression, []));

    private async Task<ExerciseClock> ClockAsync(string exercise) => (await SiloSide().GetGrain<IExerciseGrain>(exercise).ClockAsync())!;

    /// <summary>A FLASH incident report (a receipt is owed by default), as exercise traffic of <paramref name="exercise"/> or, when null, as operation traffic.</summary>
    private static Envelope Flash(string from, string to, string? exercise)
    {
        var envelope = TestKeys.Signed(from, [to], MessageKind.IncidentReport, e => exercise is null ? e : Training(e, exercise));
        Assert.Equal(Precedence.Flash, envelope.PrecedenceAction);
        return envelope;
    }

    private static Envelope Control(string exercise, MessageKind kind, string from = "EXCON") =>
        TestKeys.Signed(from, ["NL"], kind, e => Training(e, exercise));

    private static Envelope Training(Envelope envelope, string exercise) =>
        envelope with { Mode = MessageMode.Exercise, ExerciseId = exercise, Handling = [EnvelopeValidator.ExerciseHandlingMark] };

    private async Task<List<DeliveryReport>> EscalationsNowAsync(string originator, string messageId)
    {
        var gateway = mesh.Gateway(originator);
        var outcome = await gateway.Grain.ReportsAsync(await gateway.TokenAsync(), 0, 500);
        return [.. outcome.Reports.Where(r => r.MessageId == messageId && r.Kind == ReportKind.Escalated)];
    }

    private async Task<List<DeliveryReport>> EscalationsAsync(string originator, string messageId, int count)
    {
        var escalations = new List<DeliveryReport>();
        await Deadline.UntilAsync(async () => (escalations = await EscalationsNowAsync(originator, messageId)).Count >= count,
            TimeSpan.FromSeconds(20), $"{count} escalations of {messageId}");
        return escalations;
    }

    private IGrainFactory SiloSide() => mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
}
