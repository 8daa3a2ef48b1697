using Article42.Mesh.Exercises;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>Writes the after-action report's three files into a directory.</summary>
internal static class ReportFiles
{
    /// <summary>The scenario a run played, as its text, beside the report: with the arrival log, all a replay needs.</summary>
    public const string ScenarioFileName = "scenario.yaml";

    public static string Write(ExerciseReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "report.json"), ReportJson.Write(report));
        File.WriteAllText(Path.Combine(directory, "report.md"), ReportMarkdown.Write(report));
        File.WriteAllText(Path.Combine(directory, "report.html"), ReportHtml.Write(report));
        return Path.GetFullPath(directory);
    }
}
