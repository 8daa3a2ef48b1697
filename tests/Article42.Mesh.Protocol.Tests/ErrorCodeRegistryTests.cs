using System.Text.RegularExpressions;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>The one registry of codes (<see cref="ErrorCodes.All"/>) and the one table of docs/reference/error-codes.md hold the same codes.</summary>
public sealed partial class ErrorCodeRegistryTests
{
    [Fact]
    public void Every_code_is_well_formed_and_spelled_once()
    {
        Assert.All(ErrorCodes.All, code => Assert.Matches(CodePattern(), code));
        Assert.Empty(ErrorCodes.All.GroupBy(code => code).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void The_registry_and_the_documented_table_list_exactly_the_same_codes()
    {
        var documented = DocumentedCodes();
        Assert.Empty(ErrorCodes.All.Except(documented).Order());
        Assert.Empty(documented.Except(ErrorCodes.All).Except(ErrorCodes.Retired).Order());
    }

    [Fact]
    public void A_retired_code_is_documented_and_never_produced_again()
    {
        Assert.Empty(ErrorCodes.Retired.Intersect(ErrorCodes.All));
        Assert.Empty(ErrorCodes.Retired.Except(DocumentedCodes()));
    }

    /// <summary>
    /// Every program that prints codes refers to the registry: the projects under <c>src/</c> and the programs under
    /// <c>tests/</c> (the benchmarks, the fault suite, the crash helpers, the kit), which print codes of their own
    /// (<c>A42-BENCH-001</c>…<c>003</c>). Test projects spell codes in their assertions on purpose and are not scanned.
    /// </summary>
    [Fact]
    public void No_program_source_file_spells_a_code_outside_the_registry()
    {
        var root = RepositoryRoot();
        var registry = Path.Combine(root, "src", "Article42.Mesh.Protocol", "Validation", "ErrorCodes.cs");
        var programs = Directory.EnumerateDirectories(Path.Combine(root, "tests")).Where(dir => !Path.GetFileName(dir).EndsWith("Tests", StringComparison.Ordinal)).ToList();
        Assert.Contains(programs, dir => Path.GetFileName(dir) == "Article42.Mesh.Benchmarks");
        var spelled = programs.Prepend(Path.Combine(root, "src"))
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            .Where(file => file != registry && !IsBuildOutput(file))
            .SelectMany(file => CodeLiteral().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetRelativePath(root, file)}: {m.Value}"));
        Assert.Empty(spelled);
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
        file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>The codes in the first cell of the table rows; a range row (<c>A42-ACT-001 … A42-ACT-016</c>) stands for every code in it.</summary>
    private static HashSet<string> DocumentedCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "reference", "error-codes.md")))
        {
            if (TableRow().Match(line) is not { Success: true } row)
                continue;
            var first = row.Groups["first"].Value;
            if (row.Groups["last"].Success)
            {
                var area = first[..first.LastIndexOf('-')];
                var (from, to) = (int.Parse(first[(area.Length + 1)..]), int.Parse(row.Groups["last"].Value[(area.Length + 1)..]));
                for (var n = from; n <= to; n++)
                    codes.Add($"{area}-{n:000}");
            }
            else
            {
                Assert.True(codes.Add(first), $"{first} has two rows in docs/reference/error-codes.md");
            }
        }
        return codes;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Article42.Mesh.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Article42.Mesh.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"""A42-[A-Z]+-\d{3}")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"^A42-[A-Z]+-\d{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\| (?<first>A42-[A-Z]+-\d{3})(?: … (?<last>A42-[A-Z]+-\d{3}))? \|")]
    private static partial Regex TableRow();
}
