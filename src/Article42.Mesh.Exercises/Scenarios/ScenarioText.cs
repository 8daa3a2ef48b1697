using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Article42.Mesh.Exercises;

/// <summary>
/// What a file must be before it is read as a scenario at all: UTF-8 text of at most <see cref="MaxBytes"/>, YAML
/// nested no deeper than <see cref="MaxDepth"/>, without aliases. The YAML node tree is built recursively and an
/// alias is expanded wherever it is used, so a deep or self-multiplying file would exhaust the stack or the memory
/// of the tool that reads it; these checks walk the file once, as a stream of events, before any tree exists.
/// </summary>
internal static class ScenarioText
{
    /// <summary>The largest scenario file read: the shipped ones are about 10 KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists: a payload's own limit (16) under the scenario's few levels.</summary>
    public const int MaxDepth = 32;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file, never more than <see cref="MaxBytes"/> and one byte; a file that is not a scenario's text is refused.</summary>
    public static string Read(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            total += read;
        if (total > MaxBytes)
            throw Refused(Path.GetFileName(path), new ScenarioError(1, 1, ErrorCodes.ScenarioUnreadable, $"the file is larger than {MaxBytes / 1024} KiB: not a scenario file"));
        var bytes = buffer.AsSpan(0, total);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, column) = Position(Encoding.UTF8.GetString(bytes[..Math.Max(0, ex.Index)]), int.MaxValue);
            throw Refused(Path.GetFileName(path), new ScenarioError(line, column, ErrorCodes.ScenarioUnreadable, "not UTF-8 text: a scenario is a YAML text file"));
        }
    }

    /// <summary>The reason <paramref name="text"/> cannot be read as a scenario, or null when it can.</summary>
    public static ScenarioError? Problem(string text)
    {
        if (text.Length > MaxBytes)
            return new ScenarioError(1, 1, ErrorCodes.ScenarioUnreadable, $"the text is larger than {MaxBytes / 1024} KiB: not a scenario file");
        var control = FirstControl(text);
        if (control >= 0)
        {
            var (line, column) = Position(text, control);
            return new ScenarioError(line, column, ErrorCodes.ScenarioUnreadable, $"a control character (U+{(int)text[control]:X4}) where text should be: a scenario is a YAML text file, not binary data");
        }
        return Structure(text);
    }

    /// <summary>Walks the YAML as events: nesting depth and aliases, without building a tree.</summary>
    private static ScenarioError? Structure(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        return At(alias, $"an alias (*{alias.Value}): a scenario writes every value where it is used, without YAML anchors and aliases");
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return At(parser.Current, $"nested deeper than {MaxDepth} mappings and lists: not a scenario");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Not YAML: the reader reports it, with YamlDotNet's own position and sentence.
        }
        return null;
    }

    private static ScenarioError At(ParsingEvent parsed, string message) =>
        new((int)parsed.Start.Line, (int)parsed.Start.Column, ErrorCodes.ScenarioUnreadable, message);

    /// <summary>The first control character a YAML text may not hold (tab, line feed and carriage return it may).</summary>
    private static int FirstControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && text[i] is not ('\t' or '\n' or '\r'))
                return i;
        }
        return -1;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var before = text.AsSpan(0, Math.Min(index, text.Length));
        var line = before.Count('\n') + 1;
        return (line, before.Length - before.LastIndexOf('\n'));
    }

    private static ScenarioException Refused(string source, ScenarioError error) => new(source, [error]);
}
