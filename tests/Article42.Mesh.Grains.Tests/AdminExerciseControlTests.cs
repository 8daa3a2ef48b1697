namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Issue 22, item 4: exercise control through the operator-signed admin grain. A served request reaches the exercise
/// grain; a refused one (unsigned, another key, a proof for other arguments, a replay, a bad id, an exercise never
/// started) answers its code and leaves the exercise's journal stream as it was.
/// </summary>
public sealed class AdminExerciseControlTests(AdminFixture mesh) : IClassFixture<AdminFixture>
{
    private static readonly TimeSpan Minutes10 = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task An_exercise_is_started_observed_paused_resumed_and_ended_through_the_admin_grain()
    {
        var plan = Plan("EX-ADMIN-1");
        var started = Served(await mesh.Admin.StartexAsync(mesh.Proof(ExerciseProofs.Startex, ExerciseProofs.Argument(plan)), plan));
        Assert.Equal(("EX-ADMIN-1", false, 0, 1), (started.ExerciseId, started.Ended, started.InjectsPlayed, started.Injects));

        var inject = new ExerciseObservation("M1", Ulid.New(DateTimeOffset.UtcNow), MessageKind.Inject, "EXCON", Minutes10, "I1", null);
        Assert.Equal(1, Served(await Observe("EX-ADMIN-1", inject)).Observations);
        // Asked again after a lost answer (a new proof for the same observation): recorded once.
        Assert.Equal(1, Served(await Observe("EX-ADMIN-1", inject)).Observations);
        var ack = new ExerciseObservation("R1", Ulid.New(DateTimeOffset.UtcNow), MessageKind.InvocationAck, "DE", TimeSpan.FromMinutes(13), null, null);
        Assert.Equal(["I1.a"], Served(await Observe("EX-ADMIN-1", ack)).ExpectationsMet);

        Served(await mesh.Admin.PauseExerciseAsync(mesh.Proof(ExerciseProofs.Pause, "EX-ADMIN-1"), "EX-ADMIN-1"));
        Assert.True((await Clock("EX-ADMIN-1")).Paused);
        Served(await mesh.Admin.ResumeExerciseAsync(mesh.Proof(ExerciseProofs.Resume, "EX-ADMIN-1"), "EX-ADMIN-1"));
        var clock = await Clock("EX-ADMIN-1");
        Assert.Equal((60, false, 1), (clock.Compression, clock.Paused, clock.Pauses.Length));

        var ended = Served(await mesh.Admin.EndexAsync(mesh.Proof(ExerciseProofs.Endex, "EX-ADMIN-1"), "EX-ADMIN-1"));
        Assert.Equal((true, 1, 2), (ended.Ended, ended.InjectsPlayed, ended.Observations));
        Assert.True(Served(await mesh.Admin.ExerciseStatusAsync(mesh.Proof(ExerciseProofs.Status, "EX-ADMIN-1"), "EX-ADMIN-1")).Ended);
    }

    [Fact]
    public async Task An_unsigned_impostor_redirected_or_replayed_request_is_refused_with_its_code_and_changes_nothing()
    {
        var plan = Plan("EX-ADMIN-2");
        using var impostor = ParticipantKeys.Generate();
        var stream = "exercise/EX-ADMIN-2";

        // STARTEX: unsigned, another key, a proof made for another plan; nothing is started.
        var unsigned = mesh.Proof(ExerciseProofs.Startex, ExerciseProofs.Argument(plan)) with { Signature = "" };
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.StartexAsync(unsigned, plan)).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.StartexAsync(null!, plan)).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.StartexAsync(mesh.Proof(ExerciseProofs.Startex, ExerciseProofs.Argument(plan), key: impostor), plan)).Code);
        var other = plan with { Compression = 1 };
        var redirected = Refused(await mesh.Admin.StartexAsync(mesh.Proof(ExerciseProofs.Startex, ExerciseProofs.Argument(other)), plan));
        Assert.Equal((ErrorCodes.OperatorProofInvalid, "$.argument"), (redirected.Code, redirected.Path));
        Assert.Equal(0, await mesh.Journal.GetVersionAsync(stream));

        var startex = mesh.Proof(ExerciseProofs.Startex, ExerciseProofs.Argument(plan));
        Served(await mesh.Admin.StartexAsync(startex, plan));
        var replayed = Refused(await mesh.Admin.StartexAsync(startex, plan));
        Assert.Equal((ErrorCodes.OperatorProofStale, "$.nonce"), (replayed.Code, replayed.Path));
        var version = await mesh.Journal.GetVersionAsync(stream);

        // An observation: its proof made for another observation or another exercise, another key, a replay.
        var seen = new ExerciseObservation("M1", Ulid.New(DateTimeOffset.UtcNow), MessageKind.Inject, "EXCON", Minutes10, "I1", null);
        var forged = seen with { RefusalCode = "A42-SUB-005" };
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.ObserveAsync(mesh.Proof(ExerciseProofs.Observe, ExerciseProofs.Argument("EX-ADMIN-2", seen)), "EX-ADMIN-2", forged)).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.ObserveAsync(mesh.Proof(ExerciseProofs.Observe, ExerciseProofs.Argument("EX-ADMIN-1", seen)), "EX-ADMIN-2", seen)).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.ObserveAsync(mesh.Proof(ExerciseProofs.Observe, ExerciseProofs.Argument("EX-ADMIN-2", seen), key: impostor), "EX-ADMIN-2", seen)).Code);
        var observe = mesh.Proof(ExerciseProofs.Observe, ExerciseProofs.Argument("EX-ADMIN-2", seen));
        Served(await mesh.Admin.ObserveAsync(observe, "EX-ADMIN-2", seen));
        version++;
        Assert.Equal(ErrorCodes.OperatorProofStale, Refused(await mesh.Admin.ObserveAsync(observe, "EX-ADMIN-2", seen)).Code);

        // PAUSEEX and ENDEX: a proof for another exercise, for another operation, another key, a replay.
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.PauseExerciseAsync(mesh.Proof(ExerciseProofs.Pause, "EX-ADMIN-1"), "EX-ADMIN-2")).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.PauseExerciseAsync(mesh.Proof(ExerciseProofs.Resume, "EX-ADMIN-2"), "EX-ADMIN-2")).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.EndexAsync(mesh.Proof(ExerciseProofs.Endex, "EX-ADMIN-2", key: impostor), "EX-ADMIN-2")).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.EndexAsync(mesh.Proof(ExerciseProofs.Status, "EX-ADMIN-2"), "EX-ADMIN-2")).Code);
        var stale = Refused(await mesh.Admin.EndexAsync(mesh.Proof(ExerciseProofs.Endex, "EX-ADMIN-2", at: DateTimeOffset.UtcNow - OperatorProofs.Validity - TimeSpan.FromSeconds(5)), "EX-ADMIN-2"));
        Assert.Equal((ErrorCodes.OperatorProofStale, "$.issued_at"), (stale.Code, stale.Path));

        Assert.Equal(version, await mesh.Journal.GetVersionAsync(stream));
        var status = Served(await mesh.Admin.ExerciseStatusAsync(mesh.Proof(ExerciseProofs.Status, "EX-ADMIN-2"), "EX-ADMIN-2"));
        Assert.Equal((false, 1, 1), (status.Ended, status.InjectsPlayed, status.Observations));
        Assert.False((await Clock("EX-ADMIN-2")).Paused);
    }

    [Fact]
    public async Task A_request_for_a_bad_exercise_id_an_oversized_plan_or_an_exercise_never_started_is_refused_and_starts_nothing()
    {
        var badId = Refused(await mesh.Admin.PauseExerciseAsync(mesh.Proof(ExerciseProofs.Pause, "../EX"), "../EX"));
        Assert.Equal((ErrorCodes.ExerciseRequestInvalid, "$.exercise_id"), (badId.Code, badId.Path));
        var long65 = new string('E', 65);
        Assert.Equal(ErrorCodes.ExerciseRequestInvalid, Refused(await mesh.Admin.StartexAsync(mesh.Proof(ExerciseProofs.Startex, ExerciseProofs.Argument(Plan(long65))), Plan(long65))).Code);
        var huge = Plan("EX-ADMIN-HUGE") with
        {
            Injects = [.. Enumerable.Range(0, ExerciseProofs.MaxInjects + 1).Select(i => new PlannedInject($"I{i}", Minutes10, []))],
        };
        var oversized = Refused(await mesh.Admin.StartexAsync(mesh.Proof(ExerciseProofs.Startex, ExerciseProofs.Argument(huge)), huge));
        Assert.Equal((ErrorCodes.ExerciseRequestInvalid, "$.plan"), (oversized.Code, oversized.Path));
        Assert.Equal(0, await mesh.Journal.GetVersionAsync("exercise/EX-ADMIN-HUGE"));

        foreach (var outcome in new[]
        {
            await mesh.Admin.PauseExerciseAsync(mesh.Proof(ExerciseProofs.Pause, "EX-NEVER"), "EX-NEVER"),
            await mesh.Admin.ResumeExerciseAsync(mesh.Proof(ExerciseProofs.Resume, "EX-NEVER"), "EX-NEVER"),
            await mesh.Admin.EndexAsync(mesh.Proof(ExerciseProofs.Endex, "EX-NEVER"), "EX-NEVER"),
            await mesh.Admin.ExerciseStatusAsync(mesh.Proof(ExerciseProofs.Status, "EX-NEVER"), "EX-NEVER"),
            await mesh.Admin.ObserveAsync(mesh.Proof(ExerciseProofs.Observe, ExerciseProofs.Argument("EX-NEVER", Observation())), "EX-NEVER", Observation()),
        })
        {
            var never = Refused(outcome);
            Assert.Equal((ErrorCodes.ExerciseUnknown, "$.exercise_id"), (never.Code, never.Path));
        }
        var clock = await mesh.Admin.ExerciseClockAsync(mesh.Proof(ExerciseProofs.Clock, "EX-NEVER"), "EX-NEVER");
        Assert.Equal((null, ErrorCodes.ExerciseUnknown), (clock.Clock, clock.Error?.Code));
        Assert.Equal(0, await mesh.Journal.GetVersionAsync("exercise/EX-NEVER"));
    }

    private static ExercisePlanRecord Plan(string exerciseId) => new(exerciseId, "Admin control", 60,
        [new PlannedInject("I1", Minutes10, [new ExpectedResponse("I1.a", "DE", MessageKind.InvocationAck, TimeSpan.FromMinutes(5))])]);

    private static ExerciseObservation Observation() => new("M9", null, MessageKind.Inject, "EXCON", Minutes10, "I1", "A42-SUB-005");

    private async Task<ExerciseControlOutcome> Observe(string exerciseId, ExerciseObservation observation) =>
        await mesh.Admin.ObserveAsync(mesh.Proof(ExerciseProofs.Observe, ExerciseProofs.Argument(exerciseId, observation)), exerciseId, observation);

    private async Task<ExerciseClock> Clock(string exerciseId) =>
        (await mesh.Admin.ExerciseClockAsync(mesh.Proof(ExerciseProofs.Clock, exerciseId), exerciseId)).Clock!;

    private static ExerciseStatus Served(ExerciseControlOutcome outcome)
    {
        Assert.Null(outcome.Error);
        return Assert.IsType<ExerciseStatus>(outcome.Status);
    }

    private static MeshError Refused(ExerciseControlOutcome outcome)
    {
        Assert.Null(outcome.Status);
        return Assert.IsType<MeshError>(outcome.Error);
    }
}
