using System.Text.Json;
using Article42.Mesh.Exercises;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>
/// Reads an arrival log for <c>a42 exercise replay</c>, hostile input in mind: at most <see cref="MaxBytes"/> read
/// (a device or a huge file is refused after that many, not read to the end), JSON of the log's shape, and facts the
/// engine can replay; anything else is one refusal (A42-SCN-010) naming the file.
/// </summary>
internal static class ArrivalLogFile
{
    /// <summary>A two-and-a-half-hour exercise of 32 players logs about 10 MB; this leaves room and bounds the memory.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    public static ArrivalLog Read(string path)
    {
        if (!File.Exists(path))
            throw new CliException(CliErrorCodes.NoSuchFile, path, "no such file: the arrival log (arrivals.json) is written by a42 exercise run beside its report");
        var log = Parse(path, Bytes(path));
        if (log.Compression is < 1 or > 100_000)
            throw Bad(path, $"compression {log.Compression} is not between 1 and 100000");
        if (log.Facts.IsDefault || log.Facts.Any(f => f is null || f.Ref is null || f.Participant is null || (f.Kind == MeshFactKind.Submitted && string.IsNullOrEmpty(f.MsgId))))
            throw Bad(path, "a fact lacks its message, its participant or (a submit) its message id");
        return log;
    }

    /// <summary>Refuses a log recorded for another exercise than <paramref name="scenario"/>.</summary>
    public static void Matches(string path, ArrivalLog log, Scenario scenario)
    {
        if (log.ExerciseId != scenario.Id)
            throw Bad(path, $"the log is of exercise {log.ExerciseId}, the scenario is {scenario.Id}");
    }

    private static byte[] Bytes(string path)
    {
        using var file = File.OpenRead(path);
        using var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            if (bytes.Length + read > MaxBytes)
                throw Bad(path, $"larger than {MaxBytes / (1024 * 1024)} MiB");
            bytes.Write(buffer, 0, read);
        }
        return bytes.ToArray();
    }

    private static ArrivalLog Parse(string path, byte[] bytes)
    {
        try
        {
            return ArrivalLog.FromJson(System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (JsonException ex)
        {
            throw Bad(path, $"not an arrival log: {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            throw Bad(path, $"not an arrival log: {ex.Message}");
        }
    }

    private static CliException Bad(string path, string why) => new(CliErrorCodes.BadArrivalLog, path, $"cannot replay this arrival log: {why}");
}
