namespace Article42.Mesh.TestKit;

/// <summary>Running the machine's server binaries (through <see cref="TestProcess"/>), as another user when we are root.</summary>
public static class ServerProcess
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// Runs <paramref name="file"/> to completion, as <paramref name="user"/> when we are root, behind
    /// <paramref name="launcher"/> when given (a <see cref="NetworkPlace"/>'s); throws with its output on failure.
    /// </summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string? user = null, TimeSpan? timeout = null, IReadOnlyList<string>? launcher = null)
    {
        string[] prefix = user is not null && IsRoot ? ["runuser", "-u", user, "--", file] : [file];
        string[] command = [.. launcher ?? [], .. prefix];
        var run = await TestProcess.RunAsync(command[0], [.. command.Skip(1), .. arguments], timeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return run.ExitCode == 0
            ? run.Output + run.Errors
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {run.ExitCode}: {run.Output}{run.Errors}");
    }

    /// <summary>Gives a directory to <paramref name="user"/> when we are root (servers refuse to run as root).</summary>
    public static async Task GiveToAsync(string directory, string user)
    {
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", $"{user}:", directory]).ConfigureAwait(false);
        }
    }
}
