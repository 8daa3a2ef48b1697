using System.Text.RegularExpressions;

namespace Article42.Mesh.Cli.Tests;

/// <summary>Every <c>A42_*</c> variable the code reads has its row in the one table of them.</summary>
public sealed partial class EnvironmentVariableDocsTests
{
    [Fact]
    public void Every_A42_variable_named_in_src_is_in_the_environment_table_of_configuration_md()
    {
        var named = Directory.EnumerateFiles(Repository.File("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => Variable().Matches(File.ReadAllText(path)).Select(match => match.Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("A42_HOME", named);
        var table = File.ReadAllLines(Repository.File("docs/reference/configuration.md"))
            .SkipWhile(line => line != "## Environment variables")
            .TakeWhile((line, index) => index == 0 || !line.StartsWith("## ", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('`')[1])
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(named.Except(table).Order(StringComparer.Ordinal));
    }

    // A42_NAME, not the A42__Section__Key configuration prefix, which configuration.md explains once.
    [GeneratedRegex("\\bA42_[A-Z][A-Z0-9_]*\\b")]
    private static partial Regex Variable();
}
