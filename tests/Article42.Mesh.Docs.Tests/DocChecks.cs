using System.Text.RegularExpressions;

namespace Article42.Mesh.Docs.Tests;

/// <summary>The documentation's rules, each returning every offence it finds.</summary>
public static partial class DocChecks
{
    public const int ReadmeMaxLines = 250;

    public static readonly string[] QuickStartCommands =
    [
        "dotnet run --project src/Article42.Mesh.Cli -- exercise run cross-border-incursion",
        "dotnet test -c Release",
    ];

    /// <summary>Relative links and in-page anchors of every Markdown file resolve, anchors by GitHub's slug rules.</summary>
    public static IEnumerable<Offence> BrokenLinks(DocTree tree)
    {
        var anchors = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        IReadOnlySet<string> AnchorsOf(string path) =>
            anchors.TryGetValue(path, out var known) ? known : anchors[path] = Markdown.Anchors(tree.Files[path]);

        foreach (var (path, content) in tree.MarkdownFiles)
        {
            foreach (var (line, target) in Markdown.Links(content))
            {
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var file = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var resolved = file.Length == 0 ? path : DocTree.Resolve(path, file);
                if (resolved is null || !tree.Exists(resolved))
                {
                    yield return new Offence(path, line, $"link to '{target}': no file '{resolved ?? file}'");
                }
                else if (anchor is not null && tree.Files.ContainsKey(resolved) && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                    && !AnchorsOf(resolved).Contains(anchor))
                {
                    yield return new Offence(path, line, $"link to '{target}': '{resolved}' has no heading with anchor '#{anchor}'");
                }
            }
        }
    }

    /// <summary>Every <c>docs/design/NAME.md §N.N</c> names a file with a heading that starts with that number.</summary>
    public static IEnumerable<Offence> UnresolvedCitations(DocTree tree)
    {
        foreach (var (path, content) in tree.Files)
        {
            foreach (var (line, text) in Lines(content))
            {
                foreach (Match citation in Citation().Matches(text))
                {
                    var target = $"docs/design/{citation.Groups["file"].Value}";
                    if (!tree.Files.TryGetValue(target, out var design))
                    {
                        yield return new Offence(path, line, $"cites '{target}', which does not exist");
                        continue;
                    }
                    var sections = SectionNumbers(design);
                    foreach (Match section in SectionMark().Matches(citation.Groups["sections"].Value))
                    {
                        var number = section.Groups["number"].Value;
                        if (!sections.Contains(number))
                        {
                            yield return new Offence(path, line, $"cites {target} §{number}, but no heading there starts with '{number}'");
                        }
                    }
                }
            }
        }
    }

    /// <summary>No file names a design file by its old bare name unless that file exists where the name points.</summary>
    public static IEnumerable<Offence> BareDesignNames(DocTree tree)
    {
        foreach (var (path, content) in tree.Files)
        {
            foreach (var (line, text) in Lines(content))
            {
                foreach (Match bare in BareName().Matches(text))
                {
                    var name = bare.Value;
                    if (DocTree.Resolve(path, name) is not { } beside || (!tree.Exists(beside) && !tree.Exists(name)))
                    {
                        yield return new Offence(path, line, $"cites '{name}', which is not in the repository (docs/design/{name.ToLowerInvariant()}?)");
                    }
                }
            }
        }
    }

    /// <summary>The README is short and opens with the two set-up commands as its first code block.</summary>
    public static IEnumerable<Offence> ReadmeShape(string content)
    {
        var lines = content.TrimEnd('\n').Split('\n');
        if (lines.Length > ReadmeMaxLines)
        {
            yield return new Offence("README.md", ReadmeMaxLines + 1, $"{lines.Length} lines; the README holds at most {ReadmeMaxLines}");
        }
        var open = Array.FindIndex(lines, l => l.StartsWith("```", StringComparison.Ordinal));
        var close = open < 0 ? -1 : Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        if (close < 0)
        {
            yield return new Offence("README.md", 1, "no code block");
            yield break;
        }
        var block = lines[(open + 1)..close];
        var commands = block.Select(l => l.Split('#')[0].Trim()).ToArray();
        if (!commands.SequenceEqual(QuickStartCommands))
        {
            yield return new Offence("README.md", open + 2,
                $"the first code block must hold exactly '{string.Join("' and '", QuickStartCommands)}', found '{string.Join("' and '", commands)}'");
        }
    }

    private static IEnumerable<(int Line, string Text)> Lines(string content) =>
        content.Split('\n').Select((text, i) => (i + 1, text));

    private static HashSet<string> SectionNumbers(string design) =>
        Markdown.Headings(design)
            .Select(h => HeadingNumber().Match(h.Text))
            .Where(m => m.Success)
            .Select(m => m.Groups["number"].Value)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"docs/design/(?<file>[A-Za-z0-9_-]+\.md)(?<sections>(?:\s*(?:,|and|or)?\s*§\s?\d+(?:\.\d+)*[a-z]?)+)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"§\s?(?<number>\d+(?:\.\d+)*[a-z]?)")]
    private static partial Regex SectionMark();

    [GeneratedRegex(@"^§?(?<number>\d+(?:\.\d+)*[a-z]?)\.?(\s|$)")]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"(?<![\w/.-])(DOMAIN|ORLEANS|ARCHITECTURE|STYLE)\.md")]
    private static partial Regex BareName();
}
