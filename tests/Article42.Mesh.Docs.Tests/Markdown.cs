using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Article42.Mesh.Docs.Tests;

/// <summary>The little of Markdown the checks need: prose lines, headings, GitHub's anchors and relative links.</summary>
public static partial class Markdown
{
    /// <summary>Lines outside fenced code blocks, 1-based, with inline code spans blanked out.</summary>
    public static IEnumerable<(int Line, string Text)> ProseLines(string content) =>
        OutsideFences(content).Select(l => (l.Line, CodeSpan().Replace(l.Raw, "``")));

    /// <summary>The text of every ATX heading outside code blocks, with its line.</summary>
    public static IEnumerable<(int Line, string Text)> Headings(string content) =>
        from l in OutsideFences(content)
        let match = Heading().Match(l.Raw)
        where match.Success
        select (l.Line, match.Groups["text"].Value);

    private static IEnumerable<(int Line, string Raw)> OutsideFences(string content)
    {
        string? fence = null;
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var trimmed = raw.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
            }
            else if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }
            }
            else
            {
                yield return (i + 1, raw);
            }
        }
    }

    /// <summary>
    /// GitHub's anchor for a heading: link syntax reduced to its text, lower case, every character dropped that is not
    /// a letter, mark, digit, space, <c>-</c> or <c>_</c>, and each space turned into <c>-</c> (runs are not collapsed).
    /// </summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, "${text}");
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(c);
            if (c is ' ')
            {
                slug.Append('-');
            }
            else if (c is '-' or '_' || char.IsLetterOrDigit(c)
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(c);
            }
        }
        return slug.ToString();
    }

    /// <summary>Every anchor a page has: one per heading, the second of a name suffixed <c>-1</c>, the third <c>-2</c>.</summary>
    public static IReadOnlySet<string> Anchors(string content)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, text) in Headings(content))
        {
            var slug = Slug(text);
            if (seen.TryGetValue(slug, out var count))
            {
                seen[slug] = count + 1;
                anchors.Add($"{slug}-{count}");
            }
            else
            {
                seen[slug] = 1;
                anchors.Add(slug);
            }
        }
        return anchors;
    }

    /// <summary>Targets of inline links and images in prose, <c>[text](target)</c>, with their line.</summary>
    public static IEnumerable<(int Line, string Target)> Links(string content)
    {
        foreach (var (line, text) in ProseLines(content))
        {
            foreach (Match match in Link().Matches(text))
            {
                yield return (line, match.Groups["target"].Value);
            }
        }
    }

    [GeneratedRegex("`+[^`]*`+")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.*?)(\s+#+)?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
