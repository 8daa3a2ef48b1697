namespace Article42.Mesh.Exercises;

/// <summary>One reason a scenario is refused: where (1-based line and column) and a sentence.</summary>
public sealed record ScenarioError(int Line, int Column, string Message)
{
    /// <summary>The compiler-style form, e.g. <c>cross-border.yaml:14:7: unknown participant 'XX' in msel[3].to</c>.</summary>
    public string Format(string source) => $"{source}:{Line}:{Column}: {Message}";
}
