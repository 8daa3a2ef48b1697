namespace Article42.Mesh.Benchmarks.Cli;

/// <summary>A command line the benchmark cannot run: a machine code, the option at fault and a sentence.</summary>
internal sealed class BenchUsageException(string code, string option, string message) : Exception($"error {code} {option}: {message}")
{
    /// <summary>Unknown command or option, or an option without its value.</summary>
    public const string Usage = ErrorCodes.BenchUsage;

    /// <summary>An option's value is not what it takes.</summary>
    public const string BadValue = ErrorCodes.BenchBadValue;

    /// <summary>The benchmark could not run (a mesh or a server did not start, a fill never completed).</summary>
    public const string NotRun = ErrorCodes.BenchNotRun;

    public string Code { get; } = code;
    public string Option { get; } = option;
}
