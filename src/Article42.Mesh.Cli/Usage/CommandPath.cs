namespace Article42.Mesh.Cli.Usage;

/// <summary>A parsed command as the user types it: <c>a42 envelope new</c>.</summary>
public static class CommandPath
{
    public const string Tool = "a42";

    public static string Of(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is CommandResult command; at = command.Parent)
            names.Insert(0, command.Parent is null ? Tool : command.Command.Name);
        return string.Join(' ', names);
    }
}
