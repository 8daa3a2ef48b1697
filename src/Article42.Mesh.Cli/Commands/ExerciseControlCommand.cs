using Article42.Mesh.Cli.Exercises;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 exercise pause | resume | status EXERCISE [--json]</c>: exercise control as an operator outside the MSEL (issue
/// 22), through the operator-signed admin grain; each prints where the exercise stands afterwards and whether its clock runs.
/// </summary>
public static class ExerciseControlCommand
{
    public static Command Pause() => Create("pause", "Pause a running exercise (PAUSEEX by the operator): the mesh's exercise clock stands still until resumed.",
        (mesh, id, token) => mesh.PauseExerciseAsync(id, token));

    public static Command Resume() => Create("resume", "Resume a paused exercise (RESUMEEX by the operator): the mesh's exercise clock runs again.",
        (mesh, id, token) => mesh.ResumeExerciseAsync(id, token));

    public static Command Status() => Create("status", "Show where an exercise stands in exercise control: running, paused or ended, injects played, expected actions met and missed.",
        (mesh, id, token) => mesh.ExerciseStatusAsync(id, token));

    private static Command Create(string name, string description, Func<MeshOperator, string, CancellationToken, Task<ExerciseStatus>> act)
    {
        var exerciseId = new Argument<string>("exercise") { Description = "The exercise id (the scenario's exercise: field).", HelpName = "EXERCISE" };
        var json = CommonOptions.Json();
        var connection = new OperatorConnection();
        var command = new Command(name, description) { exerciseId, json };
        command.WithExamples(
            $"a42 exercise {name} EX-IRON-WOLF-26",
            $"a42 exercise {name} EX-IRON-WOLF-26 --json --gateway 10.0.0.5:{MeshDefaults.GatewayPort}");
        foreach (var option in connection.All)
            command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var id = parse.GetValue(exerciseId)!;
            var (status, clock) = await connection.RunAsync(parse, async (mesh, token) => (await act(mesh, id, token), await mesh.ExerciseClockAsync(id, token)), cancellation);
            Console.WriteLine(parse.GetValue(json) ? ExerciseControlOutput.Json(status, clock) : ExerciseControlOutput.Text(status, clock));
            return ExitCodes.Success;
        }));
        return command;
    }
}
