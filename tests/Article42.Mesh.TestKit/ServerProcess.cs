using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Article42.Mesh.TestKit;

/// <summary>Running the machine's server binaries: as another user when we are root, and on a free port.</summary>
public static class ServerProcess
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>A TCP port nobody listens on right now (the server may still lose a race for it: callers retry).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <paramref name="file"/> to completion, as <paramref name="user"/> when we are root; throws with its output on failure.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string? user = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(user is not null && IsRoot ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (user is not null && IsRoot)
        {
            foreach (var prefix in new[] { "-u", user, "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Deadline.Scaled(timeout ?? TimeSpan.FromSeconds(60)));
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in time.");
        }

        var text = await output.ConfigureAwait(false) + await error.ConfigureAwait(false);
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {text}");
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
