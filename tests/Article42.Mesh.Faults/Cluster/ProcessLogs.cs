namespace Article42.Mesh.Faults.Cluster;

/// <summary>Keeps what a silo or client process printed, as an artefact of the run, once the process is replaced or gone.</summary>
public sealed class ProcessLogs(string directory)
{
    /// <summary>Disposes <paramref name="process"/> (killing it if it still runs), then writes its output and errors to <c>NAME.log</c>.</summary>
    public async Task EndAsync(TestProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        await process.DisposeAsync();
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, string.Concat(process.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-')) + ".log");
        await File.WriteAllLinesAsync(file, ["--- stdout ---", .. process.Output, "--- stderr ---", .. process.Errors]);
    }
}
