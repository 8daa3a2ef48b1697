using System.Globalization;
using Article42.Mesh.Exercises;
using Spectre.Console;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>
/// How <c>a42 exercise run</c> shows its progress: Spectre's progress bar on a terminal; into a pipe or a file, one plain
/// line per second of real time (a log keeps every line; a bar would leave escape codes in it).
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(TimeSpan endex, Func<IProgress<ExerciseProgress>, Task<T>> run)
    {
        if (Console.IsOutputRedirected)
            return await run(new Lines());
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Describe(new ExerciseProgress(TimeSpan.Zero, endex, 0, 0, 0, 0, 0, 0))), maxValue: endex.TotalSeconds);
                var result = await run(new Bar(task));
                task.Value = task.MaxValue;
                return result;
            });
    }

    private static string Describe(ExerciseProgress value) => string.Create(CultureInfo.InvariantCulture,
        $"T+{value.ScenarioTime:hh\\:mm\\:ss}/{value.Endex:hh\\:mm}  injects {value.InjectsPlayed}/{value.Injects}  sent {value.Sent} (refused {value.Refused})  delivered {value.Delivered}  fetched {value.Fetched}");

    private sealed class Bar(ProgressTask task) : IProgress<ExerciseProgress>
    {
        public void Report(ExerciseProgress value)
        {
            task.Value = Math.Min(value.ScenarioTime.TotalSeconds, task.MaxValue);
            task.Description = Markup.Escape(Describe(value));
        }
    }

    private sealed class Lines : IProgress<ExerciseProgress>
    {
        private DateTime _last;

        public void Report(ExerciseProgress value)
        {
            if (DateTime.UtcNow - _last < TimeSpan.FromSeconds(1))
                return;
            _last = DateTime.UtcNow;
            Console.WriteLine($"  {Describe(value)}");
        }
    }
}
