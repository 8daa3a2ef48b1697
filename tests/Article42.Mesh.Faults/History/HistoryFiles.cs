using System.Text.Json;

namespace Article42.Mesh.Faults.History;

/// <summary>Where a run's histories live (one <c>CLIENT.jsonl</c> per client in one directory) and how they are read back.</summary>
public static class HistoryFiles
{
    public const string Extension = ".jsonl";

    public static string PathOf(string directory, string client) => Path.Combine(directory, client + Extension);

    /// <summary>
    /// Every line of every history in <paramref name="directory"/>. A last line that does not parse is the one a SIGKILL
    /// cut short and is left out; a bad line anywhere else is a harness defect and throws.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> ReadAll(string directory)
    {
        var entries = new List<HistoryEntry>();
        foreach (var file in Directory.EnumerateFiles(directory, "*" + Extension).Order(StringComparer.Ordinal))
            entries.AddRange(Read(file));
        return entries;
    }

    public static IReadOnlyList<HistoryEntry> Read(string file)
    {
        var lines = File.ReadAllLines(file);
        var entries = new List<HistoryEntry>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                entries.Add(HistoryJson.Parse(lines[i]));
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                // The line a killed client was writing.
            }
        }
        return entries;
    }
}
