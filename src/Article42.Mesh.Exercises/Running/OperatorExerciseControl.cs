using System.Threading.Channels;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Exercise control of <paramref name="exerciseId"/> through the operator's connection: each request operator-signed and
/// bound to its arguments. Observations go out in order from one background loop, so the runner's clock never waits
/// for exercise control (each is a signed, audited round trip); ENDEX and the status wait until all have been told,
/// and a refused observation surfaces there.
/// </summary>
public sealed class OperatorExerciseControl(MeshOperator mesh, string exerciseId) : IExerciseControl
{
    // Unbounded, but never longer than the messages of one exercise, which the runner holds anyway.
    private readonly Channel<ExerciseObservation> _pending = Channel.CreateUnbounded<ExerciseObservation>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _telling;

    public Task StartexAsync(ExercisePlanRecord plan, CancellationToken cancellation) => mesh.StartexAsync(plan, cancellation);

    public Task ObserveAsync(ExerciseObservation observation, CancellationToken cancellation)
    {
        _telling ??= TellAsync(cancellation);
        _pending.Writer.TryWrite(observation);
        return Task.CompletedTask;
    }

    public async Task<ExerciseStatus?> EndexAsync(CancellationToken cancellation)
    {
        await ToldAsync();
        return await mesh.EndexAsync(exerciseId, cancellation);
    }

    public async Task<ExerciseStatus?> StatusAsync(CancellationToken cancellation)
    {
        await ToldAsync();
        return await mesh.ExerciseStatusAsync(exerciseId, cancellation);
    }

    private async Task TellAsync(CancellationToken cancellation)
    {
        await foreach (var observation in _pending.Reader.ReadAllAsync(cancellation))
            await mesh.ObserveAsync(exerciseId, observation, cancellation);
    }

    private async Task ToldAsync()
    {
        _pending.Writer.TryComplete();
        if (_telling is not null)
            await _telling;
    }
}
