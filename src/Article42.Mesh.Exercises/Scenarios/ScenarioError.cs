namespace Article42.Mesh.Exercises;

/// <summary>
/// One reason a scenario is refused: where (1-based line and column), its stable code (<c>A42-SCN-*</c>, or the
/// protocol's code for a payload the protocol refuses), a sentence, and the names it may have meant.
/// </summary>
public sealed record ScenarioError(int Line, int Column, string Code, string Message)
{
    /// <summary>The known names nearest to what was written (a field, kind, participant or id), nearest first; empty when none is close.</summary>
    public ImmutableArray<string> Suggestions { get; init; } = [];

    /// <summary>The sentence with its hint: <c>unknown participant 'GRE' in msel[3].to (did you mean GR?)</c>.</summary>
    public string Sentence => Suggestions.IsEmpty ? Message : $"{Message} (did you mean {string.Join(" or ", Suggestions)}?)";

    /// <summary>The compiler-style form, e.g. <c>cross-border.yaml:14:7: unknown participant 'XX' in msel[3].to</c>.</summary>
    public string Format(string source) => $"{source}:{Line}:{Column}: {Sentence}";
}
