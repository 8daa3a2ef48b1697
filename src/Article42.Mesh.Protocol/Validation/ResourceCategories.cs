using System.Text.RegularExpressions;

namespace Article42.Mesh.Protocol;

/// <summary>The resource taxonomy roots of docs/design/domain.md §7; leaves below a root are free-form upper-case segments.</summary>
public static partial class ResourceCategories
{
    /// <summary>The roots a category code may start with.</summary>
    public static ImmutableArray<string> Roots { get; } =
        ["MIL", "INT", "CYB", "HYB", "DIP", "MED", "CBRN", "CP", "LOG", "COMMS", "POL", "ENERGY", "CI", "FIN"];

    /// <summary>True for codes such as <c>MED.EMT2</c>, <c>MIL.AIR.AAR</c>, <c>CYB</c>.</summary>
    public static bool IsValid(string code) =>
        code.Length <= 64 && CodePattern().IsMatch(code) && Roots.Contains(code.Split('.')[0]);

    [GeneratedRegex("^[A-Z]+(\\.[A-Z0-9-]+){0,3}\\z")]
    private static partial Regex CodePattern();
}
