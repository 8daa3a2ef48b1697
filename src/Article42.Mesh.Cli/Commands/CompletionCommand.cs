using Article42.Mesh.Cli.Completion;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 completion bash|zsh</c>: prints a completion script for the shell, to <c>source</c>.</summary>
public static class CompletionCommand
{
    /// <summary>Made last, from <paramref name="root"/> as it stands, so the script names every command.</summary>
    public static Command Create(RootCommand root)
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash or zsh.", HelpName = "SHELL" };
        shell.Validators.Add(result =>
        {
            if (result.GetValue(shell) is not (CompletionScript.Bash or CompletionScript.Zsh))
                result.AddError($"no completion for '{result.GetValue(shell)}': give bash or zsh");
        });
        var completion = new Command("completion", "Print a shell completion script for a42's commands and options.") { shell };
        completion.WithExamples(
            "a42 completion bash > ~/.local/share/bash-completion/completions/a42",
            "source <(a42 completion zsh)  # in ~/.zshrc, after compinit");
        completion.SetAction(parse => CommandRunner.Run(() =>
        {
            Console.Out.Write(CompletionScript.For(parse.GetValue(shell)!, root));
            return ExitCodes.Success;
        }));
        return completion;
    }
}
