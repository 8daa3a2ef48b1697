namespace Article42.Mesh.Exercises;

/// <summary>A scenario that cannot be played, with every error found (not just the first).</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string source, IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(error => error.Format(source))))
    {
        ScenarioSource = source;
        Errors = [.. errors];
    }

    public ScenarioException() : this("scenario", []) { }

    public ScenarioException(string message) : base(message) => Errors = [];

    public ScenarioException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    /// <summary>The file or shipped name the errors refer to.</summary>
    public string ScenarioSource { get; } = "scenario";

    public ImmutableArray<ScenarioError> Errors { get; } = [];
}
