using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace Article42.Mesh.Cli.Usage;

/// <summary>
/// The help of a command, written here rather than by System.CommandLine so that it carries examples, names values
/// by what they are (<c>&lt;PARTICIPANT&gt;</c>, <c>&lt;SECONDS&gt;</c>) and says each default once, in the description.
/// </summary>
public sealed class HelpPage : SynchronousCommandLineAction
{
    /// <summary>Every <c>--help</c> and every bare group command (<c>a42</c>, <c>a42 envelope</c>) prints its help and exits 0.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = "Show this help.";
            help.Action = new HelpPage();
        }
        foreach (var version in root.Options.OfType<VersionOption>())
            version.Description = "Show the version.";
        foreach (var group in Commands(root).Where(command => command.Subcommands.Count > 0 && command.Action is null))
            group.SetAction(parse => Print(parse));
    }

    /// <summary>Help is printed whatever else is wrong with the command line, as System.CommandLine's own help is.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult) => Print(parseResult);

    private static int Print(ParseResult parse)
    {
        Console.Out.Write(Render(parse.CommandResult));
        return ExitCodes.Success;
    }

    public static string Render(CommandResult result)
    {
        var command = result.Command;
        var path = CommandPath.Of(result);
        var text = new StringBuilder();
        text.Append(path).Append(": ").AppendLine(command.Description).AppendLine();
        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var usage = string.Concat(arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $" [{SymbolLabels.Of(a)}]" : $" {SymbolLabels.Of(a)}"));
        text.Append("Usage: ").Append(path).Append(command.Subcommands.Count > 0 ? " <COMMAND>" : "").Append(usage).AppendLine(" [options]");
        Section(text, "Commands", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description)));
        Section(text, "Arguments", arguments.Select(a => (SymbolLabels.Of(a), a.Description)));
        Section(text, "Options", Options(result).Select(o => (SymbolLabels.Of(o), o.Description)));
        Section(text, "Examples", HelpExamples.Of(command).Select(example => (example, (string?)null)));
        if (command.Subcommands.Count > 0)
            text.AppendLine().Append("Run '").Append(path).AppendLine(" <COMMAND> --help' for a command's options and examples.");
        return text.ToString();
    }

    /// <summary>The command's own options, then those it inherits (<c>--help</c>, and <c>--version</c> at the root).</summary>
    private static IEnumerable<Option> Options(CommandResult result)
    {
        var own = result.Command.Options.Where(o => !o.Hidden).ToList();
        var inherited = Ancestors(result).SelectMany(c => c.Options.Where(o => o.Recursive && !o.Hidden));
        return own.Concat(inherited.Except(own));
    }

    private static IEnumerable<Command> Ancestors(CommandResult result)
    {
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
            yield return parent.Command;
    }

    private static IEnumerable<Command> Commands(Command command) => [command, .. command.Subcommands.SelectMany(Commands)];

    private static void Section(StringBuilder text, string title, IEnumerable<(string Left, string? Right)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
            return;
        var width = list.Max(row => row.Left.Length) + 2;
        text.AppendLine().Append(title).AppendLine(":");
        foreach (var (left, right) in list)
            text.Append("  ").AppendLine(string.IsNullOrEmpty(right) ? left : left.PadRight(width) + right);
    }
}
