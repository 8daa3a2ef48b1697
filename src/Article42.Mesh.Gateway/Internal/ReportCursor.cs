using System.Globalization;
using System.Text;

namespace Article42.Mesh.Gateway;

/// <summary>
/// How far the application has read the report feed: a report is handed to it once. With a state directory the
/// position is in <c>reports.position</c>, replaced atomically and flushed before the report is handed out.
/// </summary>
internal sealed class ReportCursor
{
    public const string FileName = "reports.position";
    private readonly Lock _lock = new();
    private readonly string? _path;
    private long _position;

    private ReportCursor(string? path, long position)
    {
        _path = path;
        _position = position;
    }

    public long Position => Interlocked.Read(ref _position);

    public static ReportCursor Open(string? directory)
    {
        if (directory is null)
            return new ReportCursor(null, 0);
        var path = Path.Combine(directory, FileName);
        var position = File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var read) ? read : 0;
        return new ReportCursor(path, position);
    }

    /// <summary>Moves the cursor past <paramref name="position"/>; false when it is already there (the report was handed before).</summary>
    public bool TryAdvance(long position)
    {
        lock (_lock)
        {
            if (position <= _position)
                return false;
            if (_path is not null)
            {
                var next = _path + ".new";
                using (var writer = new FileStream(next, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    writer.Write(Encoding.ASCII.GetBytes(position.ToString(CultureInfo.InvariantCulture)));
                    writer.Flush(flushToDisk: true);
                }
                File.Move(next, _path, overwrite: true);
            }
            Interlocked.Exchange(ref _position, position);
            return true;
        }
    }
}
