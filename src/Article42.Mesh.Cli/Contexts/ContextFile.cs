using System.Text.Json;
using System.Text.Json.Serialization;

namespace Article42.Mesh.Cli.Contexts;

/// <summary>
/// Where the contexts live, <c>$XDG_CONFIG_HOME/a42/contexts.json</c> (else <c>~/.config/a42/</c>), and how they are read
/// and written: a file that does not parse is refused naming the file and line; writes go through a 0600 temporary
/// file renamed over the old one, in a 0700 directory, since a context names key files.
/// </summary>
public static class ContextFile
{
    public const string ContextVariable = "A42_CONTEXT";

    // A contexts file is a few hundred bytes a context; anything this large is not one.
    private const long MaxBytes = 1 << 20;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IndentSize = 2,
    };

    private const string Shape = "it holds {\"current\": NAME, \"contexts\": {NAME: {\"gateways\": [\"HOST:PORT\", ...], \"tls_ca\": FILE, \"tls_cert\": FILE, \"keys\": DIR, \"operator_key\": FILE, \"description\": TEXT}}}, in JSON";

    public static string Directory =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config
            ? config
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "a42");

    public static string FilePath => Path.Combine(Directory, "contexts.json");

    /// <summary>The contexts; none when the file does not exist yet.</summary>
    public static ContextBook Load()
    {
        var path = FilePath;
        if (!File.Exists(path))
            return new ContextBook();
        if (new FileInfo(path).Length > MaxBytes)
            throw Malformed(path, 1, $"larger than {MaxBytes / 1024} KiB, not a contexts file");
        var text = File.ReadAllText(path);
        ContextBook? book;
        try
        {
            book = JsonSerializer.Deserialize<ContextBook>(text, Json);
        }
        catch (JsonException ex)
        {
            throw Malformed(path, (ex.LineNumber ?? 0) + 1, $"not a contexts file at {ex.Path ?? "$"}: {Shape}");
        }
        if (book is null)
            throw Malformed(path, 1, "null, not an object of contexts");
        Check(book, path, text);
        return book;
    }

    public static void Save(ContextBook book)
    {
        var directory = Directory;
        var temporary = Path.Combine(directory, $".contexts.{Environment.ProcessId}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            File.SetUnixFileMode(directory, OwnerOnlyDirectory);
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, book, Json);
        File.Move(temporary, FilePath, overwrite: true);
    }

    /// <summary>The context <c>--context</c>, else <c>$A42_CONTEXT</c>, else the current one names; null when none is named.</summary>
    public static (string Name, MeshContext Context)? Selected(string? option)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ContextVariable) is { Length: > 0 } variable ? variable : null;
        var name = option ?? fromEnvironment;
        if (name is not null)
            ContextName.Checked(name, option is not null ? "--context" : ContextVariable);
        var book = Load();
        name ??= book.Current;
        return name is null ? null : (name, book.Get(name, FilePath));
    }

    /// <summary>Names and endpoints are checked on reading too: the file may have been edited by hand.</summary>
    private static void Check(ContextBook book, string path, string text)
    {
        foreach (var (name, context) in book.Contexts)
        {
            if (ContextName.Problem(name) is { } problem)
                throw Malformed(path, LineOf(text, name), problem);
            foreach (var endpoint in context.Gateways)
            {
                if (!System.Net.IPEndPoint.TryParse(endpoint ?? "", out _))
                    throw Malformed(path, LineOf(text, endpoint ?? "null"), $"context '{name}': gateway '{endpoint}' is not HOST:PORT (an IP address and a port)");
            }
        }
        if (book.Current is { } current && !book.Contexts.ContainsKey(current))
            throw Malformed(path, LineOf(text, current), $"the current context '{current}' is not one of its contexts");
    }

    private static int LineOf(string text, string value)
    {
        var at = text.IndexOf($"\"{value}\"", StringComparison.Ordinal);
        return at < 0 ? 1 : text.AsSpan(0, at).Count('\n') + 1;
    }

    private static CliException Malformed(string path, long line, string problem) =>
        new(CliErrorCodes.BadContextFile, $"{path}:{line}", $"{problem} (fix or remove the file; a42 context add writes it)");
}
