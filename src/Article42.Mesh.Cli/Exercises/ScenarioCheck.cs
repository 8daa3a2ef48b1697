using Article42.Mesh.Exercises;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>A scenario file checked: the scenario when it can be played, else every problem found in it, in file order.</summary>
internal sealed record ScenarioCheck(string Source, Scenario? Scenario, ImmutableArray<ScenarioError> Problems)
{
    /// <summary>One refusal line per problem: <c>error A42-SCN-006 my.yaml:14:7: unknown participant 'GR' ... (did you mean EL?)</c>.</summary>
    public ImmutableArray<MeshError> Errors => [.. Problems.Select(problem => new MeshError(problem.Code, $"{Source}:{problem.Line}:{problem.Column}", problem.Sentence))];
}
