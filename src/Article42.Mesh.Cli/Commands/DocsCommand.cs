using Article42.Mesh.Cli.Reference;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 docs cli-reference</c> (hidden): the repository's docs/reference/cli.md, for whoever changes a command's help.</summary>
public static class DocsCommand
{
    public static Command Create(RootCommand root)
    {
        var reference = new Command("cli-reference", "Print docs/reference/cli.md: every command's help as Markdown.");
        reference.WithExamples($"a42 docs cli-reference > docs/reference/cli.md");
        reference.SetAction(_ => CommandRunner.Run(() =>
        {
            Console.Out.Write(CliReference.Markdown(root));
            return ExitCodes.Success;
        }));
        var docs = new Command("docs", "Documentation written from the tool itself.") { Hidden = true };
        docs.Subcommands.Add(reference);
        return docs.WithExamples("a42 docs cli-reference");
    }
}
