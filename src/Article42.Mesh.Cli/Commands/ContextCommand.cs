using Article42.Mesh.Cli.Contexts;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 context add | use | list | show | remove</c>: named connection defaults, as kubeconfig contexts.</summary>
public static class ContextCommand
{
    public static Command Create()
    {
        var context = new Command("context", $"Named connection defaults for the commands that reach a mesh (--context NAME, ${ContextFile.ContextVariable}).");
        context.Subcommands.Add(ContextAddCommand.Create());
        context.Subcommands.Add(Use());
        context.Subcommands.Add(ContextListCommand.Create());
        context.Subcommands.Add(ContextListCommand.Show());
        context.Subcommands.Add(Remove());
        return context.WithExamples("a42 context add lab --gateway 127.0.0.1:30000", "a42 context use lab", "a42 context list");
    }

    private static Argument<string> Name(string description) => new("name") { Description = description, HelpName = "NAME" };

    private static Command Use()
    {
        var name = Name("The context the commands take their defaults from from now on.");
        var use = new Command("use", "Make a context the current one.") { name };
        use.WithExamples("a42 context use prod");
        use.SetAction(parse => CommandRunner.Run(() =>
        {
            var book = ContextFile.Load();
            var chosen = ContextName.Checked(parse.GetValue(name)!, "NAME");
            _ = book.Get(chosen, ContextFile.FilePath);
            ContextFile.Save(book with { Current = chosen });
            Console.WriteLine($"current context: {chosen}");
            return ExitCodes.Success;
        }));
        return use;
    }

    private static Command Remove()
    {
        var name = Name("The context to remove.");
        var remove = new Command("remove", "Remove a context (and stop using it, if it was the current one).") { name };
        remove.WithExamples("a42 context remove lab");
        remove.SetAction(parse => CommandRunner.Run(() =>
        {
            var book = ContextFile.Load();
            var gone = ContextName.Checked(parse.GetValue(name)!, "NAME");
            _ = book.Get(gone, ContextFile.FilePath);
            ContextFile.Save(book with { Contexts = book.Contexts.Remove(gone), Current = book.Current == gone ? null : book.Current });
            Console.WriteLine($"context {gone} removed");
            return ExitCodes.Success;
        }));
        return remove;
    }
}
