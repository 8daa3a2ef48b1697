namespace Article42.Mesh.Cli.Completion;

/// <summary>Every visible command under the root, by the words a user types after <c>a42</c> ("" for the root itself).</summary>
public sealed record CommandTree(string Path, Command Command)
{
    public static IEnumerable<CommandTree> Of(Command root) => Walk(root, "");

    /// <summary>What may follow the command: its visible subcommands, then its options' names, <c>--help</c> included.</summary>
    public IEnumerable<string> Words(Command root) =>
        Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)
            .Concat(Command.Options.Concat(root.Options.Where(o => o.Recursive && !Command.Options.Contains(o))).Where(o => !o.Hidden)
                .SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal));

    private static IEnumerable<CommandTree> Walk(Command command, string path) =>
        command.Subcommands.Where(c => !c.Hidden).Aggregate(
            (IEnumerable<CommandTree>)[new CommandTree(path, command)],
            (all, child) => all.Concat(Walk(child, path.Length == 0 ? child.Name : $"{path} {child.Name}")));
}
