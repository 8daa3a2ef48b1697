using System.Text;
using Article42.Mesh.Cli.Completion;

namespace Article42.Mesh.Cli.Reference;

/// <summary>
/// docs/reference/cli.md, written from every command's own help page (<see cref="HelpPage"/>), so that the reference
/// cannot say what the help does not. A test regenerates it and fails when the file differs.
/// </summary>
public static class CliReference
{
    public const string Regenerate = "dotnet run --project src/Article42.Mesh.Cli -c Release -- docs cli-reference > docs/reference/cli.md";

    public static string Markdown(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var commands = CommandTree.Of(root).Select(node => node.Path.Length == 0 ? CommandPath.Tool : $"{CommandPath.Tool} {node.Path}").ToList();
        var text = new StringBuilder()
            .AppendLine("# CLI reference")
            .AppendLine()
            .AppendLine($"<!-- Generated from the commands' help by `a42 docs cli-reference`; do not edit. Regenerate: `{Regenerate}` -->")
            .AppendLine()
            .AppendLine("Every `a42` command's `--help`, as it prints it. What the commands print, their exit codes and errors, contexts,")
            .AppendLine("completion and the environment: [How `a42` behaves](cli-behaviour.md).")
            .AppendLine();
        foreach (var command in commands)
            text.AppendLine($"- [`{command}`](#{command.Replace(' ', '-')})");
        foreach (var command in commands)
        {
            var words = command.Split(' ')[1..];
            var help = HelpPage.Render(root.Parse(words).CommandResult);
            text.AppendLine().AppendLine($"## {command}").AppendLine().AppendLine("```text").Append(help).AppendLine("```");
        }
        return text.ToString();
    }
}
