using Article42.Mesh.Cli.Exercises;
using Article42.Mesh.Exercises;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 exercise validate FILE [--json]</c>: checks a scenario as <c>exercise run</c> would, without starting
/// anything: every problem in one pass, each with file, line, column, code and the names it may have meant.
/// </summary>
public static class ExerciseValidateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario file, or a shipped scenario's name.", HelpName = "FILE" };
        var keys = CommonOptions.Keys();
        var json = CommonOptions.Json();
        var command = new Command("validate", "Check a scenario without starting anything, against the trust store's registry (else the shipped one): every problem with its line, column, code and a 'did you mean'; exit 2 when there is any.")
        {
            scenario, keys, json,
        };
        command.WithExamples(
            "a42 exercise validate my-scenario.yaml",
            "a42 exercise validate my-scenario.yaml --json | jq -r '.problems[] | \"\\(.line):\\(.column) \\(.code)\"'");
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var check = ScenarioFiles.Check(parse.GetValue(scenario)!, TrustStoreLocator.Registry(parse.GetValue(keys)));
            if (parse.GetValue(json))
                Console.WriteLine(Json(check));
            else if (check.Scenario is { } valid)
                Console.WriteLine($"valid: {valid.Id} ({valid.Msel.Length} injects, {valid.Participants.Length} players, ENDEX {ScenarioTime.FormatOffset(valid.Endex)})");
            else
                throw new CliException(check.Errors);
            return check.Scenario is null ? ExitCodes.Invalid : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary><c>{"file":…,"valid":…,"exercise":…,"problems":[{"code","line","column","message","suggestions"}]}</c>.</summary>
    private static string Json(ScenarioCheck check) => JsonLines.Write(writer =>
    {
        writer.WriteString("file", check.Source);
        writer.WriteBoolean("valid", check.Scenario is not null);
        if (check.Scenario is { } valid)
            writer.WriteString("exercise", valid.Id);
        writer.WriteStartArray("problems");
        foreach (var problem in check.Problems)
        {
            writer.WriteStartObject();
            writer.WriteString("code", problem.Code);
            writer.WriteNumber("line", problem.Line);
            writer.WriteNumber("column", problem.Column);
            writer.WriteString("message", problem.Message);
            writer.WriteStartArray("suggestions");
            foreach (var suggestion in problem.Suggestions)
                writer.WriteStringValue(suggestion);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });
}
