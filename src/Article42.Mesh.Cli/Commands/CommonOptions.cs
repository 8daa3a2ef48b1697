namespace Article42.Mesh.Cli.Commands;

/// <summary>Options shared by several commands, so each is spelled and described once.</summary>
public static class CommonOptions
{
    public static Option<string?> Keys() => new("--keys")
    {
        Description = "Trust store directory (default: $A42_HOME/keys).",
        HelpName = "DIR",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of a table or text." };

    public static Argument<string> FileOrStdin() => new("file")
    {
        Description = "Envelope file, or - for standard input.",
        HelpName = "FILE",
    };
}
