using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Grains.Tests;

public sealed class ExerciseGrainTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    private static readonly TimeSpan Minutes10 = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Exercise_control_tracks_injects_and_expected_actions_and_keeps_them_across_reactivation()
    {
        var control = SiloSide().GetGrain<IExerciseGrain>("EX-TEST-1");
        await control.StartexAsync(new ExercisePlanRecord("EX-TEST-1", "Test", 60,
        [
            new PlannedInject("I1", Minutes10,
            [
                new ExpectedResponse("I1.a", "DE", MessageKind.InvocationAck, TimeSpan.FromMinutes(5)),
                new ExpectedResponse("I1.b", null, MessageKind.SolidarityStatement, TimeSpan.FromMinutes(10)),
            ]),
            new PlannedInject("I2", TimeSpan.FromMinutes(30), [new ExpectedResponse("I2.a", "IT", MessageKind.Offer, Minutes10)]),
        ]));
        await control.ObserveAsync(new ExerciseObservation("M1", Ulid.New(DateTimeOffset.UtcNow), MessageKind.Inject, "EXCON", Minutes10, "I1", null));
        await control.ObserveAsync(new ExerciseObservation("R1", Ulid.New(DateTimeOffset.UtcNow), MessageKind.InvocationAck, "DE", TimeSpan.FromMinutes(13), null, null));
        await control.ObserveAsync(new ExerciseObservation("R2", Ulid.New(DateTimeOffset.UtcNow), MessageKind.SolidarityStatement, "FR", TimeSpan.FromMinutes(25), null, null));
        await control.ObserveAsync(new ExerciseObservation("M2", null, MessageKind.Inject, "EXCON", TimeSpan.FromMinutes(30), "I2", "A42-SUB-005"));

        var status = await control.EndexAsync();
        Assert.True(status.Ended);
        Assert.Equal((1, 2, 4), (status.InjectsPlayed, status.Injects, status.Observations));
        Assert.Equal(["I1.a"], status.ExpectationsMet);
        Assert.Equal(["I1.b", "I2.a"], status.ExpectationsMissed.Order());

        await mesh.Cluster.DeactivateAsync(control);
        var replayed = (await control.StatusAsync())!;
        Assert.Equal((status.Ended, status.InjectsPlayed, status.Observations), (replayed.Ended, replayed.InjectsPlayed, replayed.Observations));
        Assert.Equal(status.ExpectationsMet, replayed.ExpectationsMet);
        Assert.Equal(status.ExpectationsMissed, replayed.ExpectationsMissed);
    }

    [Fact]
    public async Task A_client_cannot_drive_exercise_control()
    {
        var fromClient = mesh.Grains.GetGrain<IExerciseGrain>("EX-TEST-2");
        var refused = await Assert.ThrowsAsync<MeshCallRefusedException>(() => fromClient.StartexAsync(new ExercisePlanRecord("EX-TEST-2", "Test", 60, [])).AsTask());
        Assert.Equal((ErrorCodes.OutsideClientSurface, "IExerciseGrain.StartexAsync"), (refused.Error.Code, refused.Error.Path));
        Assert.Null(await SiloSide().GetGrain<IExerciseGrain>("EX-TEST-2").StatusAsync());
    }

    private IGrainFactory SiloSide() => mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
}
