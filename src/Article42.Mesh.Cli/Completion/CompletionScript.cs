using System.Text;

namespace Article42.Mesh.Cli.Completion;

/// <summary>
/// Shell completion scripts written from the command tree itself, so that they name exactly the commands and options
/// of this a42. Static rather than System.CommandLine's <c>[suggest]</c> directive and <c>dotnet-suggest</c>: a Tab
/// then starts no .NET process and needs no global tool.
/// </summary>
public static class CompletionScript
{
    public const string Bash = "bash";
    public const string Zsh = "zsh";

    public static string For(string shell, Command root) => shell switch
    {
        Bash => BashScript(root),
        Zsh => ZshScript(root),
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "bash or zsh"),
    };

    // The function walks the words typed so far, descending into a subcommand whenever one is named, and offers
    // what may follow the deepest command reached.
    private static string BashScript(Command root)
    {
        var text = new StringBuilder();
        text.AppendLine("# bash completion for a42: source <(a42 completion bash)")
            .AppendLine("_a42() {")
            .AppendLine("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" cmd=\"\" word words i")
            .AppendLine("    for ((i = 1; i < COMP_CWORD; i++)); do")
            .AppendLine("        word=\"${COMP_WORDS[i]}\"")
            .AppendLine("        case \"$cmd|$word\" in");
        Descents(root, text, "            ", ";;");
        text.AppendLine("        esac")
            .AppendLine("    done")
            .AppendLine("    case \"$cmd\" in");
        Offers(root, text, "        ", words => $"words=\"{words}\" ;;");
        text.AppendLine("    esac")
            .AppendLine("    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))")
            .AppendLine("}")
            .AppendLine("complete -o default -F _a42 a42");
        return text.ToString();
    }

    private static string ZshScript(Command root)
    {
        var text = new StringBuilder();
        text.AppendLine("#compdef a42")
            .AppendLine("# zsh completion for a42: source <(a42 completion zsh), after compinit")
            .AppendLine("_a42() {")
            .AppendLine("    local cmd=\"\" word i")
            .AppendLine("    local -a offers")
            .AppendLine("    for ((i = 2; i < CURRENT; i++)); do")
            .AppendLine("        word=\"${words[i]}\"")
            .AppendLine("        case \"$cmd|$word\" in");
        Descents(root, text, "            ", ";;");
        text.AppendLine("        esac")
            .AppendLine("    done")
            .AppendLine("    case \"$cmd\" in");
        Offers(root, text, "        ", words => $"offers=({words}) ;;");
        text.AppendLine("    esac")
            .AppendLine("    compadd -- \"${offers[@]}\"")
            .AppendLine("}")
            .AppendLine("compdef _a42 a42");
        return text.ToString();
    }

    private static void Descents(Command root, StringBuilder text, string indent, string end)
    {
        foreach (var node in CommandTree.Of(root))
        {
            foreach (var child in node.Command.Subcommands.Where(c => !c.Hidden))
            {
                var into = node.Path.Length == 0 ? child.Name : $"{node.Path} {child.Name}";
                text.Append(indent).Append($"\"{node.Path}|{child.Name}\") cmd=\"{into}\" ").AppendLine(end);
            }
        }
    }

    private static void Offers(Command root, StringBuilder text, string indent, Func<string, string> assign)
    {
        foreach (var node in CommandTree.Of(root))
            text.Append(indent).Append($"\"{node.Path}\") ").AppendLine(assign(string.Join(' ', node.Words(root))));
    }
}
