using System.Runtime.CompilerServices;

namespace Article42.Mesh.Cli.Usage;

/// <summary>The examples a command's help ends with, given where the command is made (System.CommandLine has no place for them).</summary>
public static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];

    /// <summary>Attaches <paramref name="examples"/>, each a whole command line starting with <c>a42</c>, optionally followed by "  # why".</summary>
    public static T WithExamples<T>(this T command, params string[] examples) where T : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    public static IReadOnlyList<string> Of(Command command) => Examples.TryGetValue(command, out var examples) ? examples : [];
}
