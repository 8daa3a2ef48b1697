namespace Article42.Mesh.TestKit;

/// <summary>A finished child process: its exit code and exactly what it printed.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}
