using System.Globalization;

namespace Article42.Mesh.Faults.Runs;

/// <summary>The fault timeline of a run: what the harness did when, printed as it happens and written as an artefact.</summary>
public sealed class Timeline(string path, TextWriter echo, TimeProvider clock)
{
    private readonly Lock _lock = new();

    public DateTimeOffset Note(string scenario, string what)
    {
        var at = clock.GetUtcNow();
        var line = string.Create(CultureInfo.InvariantCulture, $"{at:O} [{scenario}] {what}");
        lock (_lock)
        {
            File.AppendAllText(path, line + "\n");
            echo.WriteLine(line);
        }
        return at;
    }
}
