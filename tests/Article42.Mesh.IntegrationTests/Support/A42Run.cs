namespace Article42.Mesh.IntegrationTests;

/// <summary>A finished <c>a42</c> process: its exit code and what it printed, line by line.</summary>
public sealed record A42Run(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors)
{
    /// <summary>The JSON lines of standard output.</summary>
    public IEnumerable<string> JsonLines => Output.Where(line => line.StartsWith('{'));

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{string.Join('\n', Output)}\nstderr:\n{string.Join('\n', Errors)}";
}
