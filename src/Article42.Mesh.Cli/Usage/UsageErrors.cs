using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Usage;

/// <summary>
/// What is wrong with a command line, one <see cref="MeshError"/> per problem: an unknown command or option by name
/// with the nearest known ones, a bad value under its option's name (A42-CLI-002), anything else as a usage error.
/// </summary>
public static class UsageErrors
{
    public static ImmutableArray<MeshError> Of(ParseResult parsed)
    {
        var where = parsed.CommandResult;
        if (parsed.Action is HelpPage)
            return [];
        var strays = Strays(parsed).ToList();
        if (strays.Count > 0)
            return [.. strays.Select(token => Stray(token, where))];
        return [.. parsed.Errors.Select(error => Describe(error, where))];
    }

    /// <summary>
    /// Words the parser could not place, and option-like words it took as a command's argument (<c>a42 send --too DE</c>
    /// reads <c>--too</c> as the FILE): those are what the user got wrong, whatever else the parser says.
    /// </summary>
    private static IEnumerable<string> Strays(ParseResult parsed)
    {
        var command = parsed.CommandResult;
        var optionLike = command.Children.OfType<ArgumentResult>()
            .SelectMany(argument => argument.Tokens)
            .Select(token => token.Value)
            .Where(IsOptionLike);
        var unmatched = command.Command.TreatUnmatchedTokensAsErrors ? parsed.UnmatchedTokens : [];
        return optionLike.Concat(unmatched).Distinct();
    }

    private static MeshError Stray(string token, CommandResult where)
    {
        var path = CommandPath.Of(where);
        var command = where.Command;
        if (IsOptionLike(token))
        {
            var known = OptionNames(where);
            return new MeshError(CliErrorCodes.Usage, path, $"unknown option {token}{Suggestions.Sentence(token, known)}");
        }
        if (command.Subcommands.Count > 0)
            return new MeshError(CliErrorCodes.Usage, path, $"unknown command '{token}'{Suggestions.Sentence(token, command.Subcommands.Select(c => c.Name))}");
        return new MeshError(CliErrorCodes.Usage, path, $"unexpected argument '{token}'");
    }

    /// <summary>A value that was given and refused is the option's (A42-CLI-002); one that is missing is a usage error.</summary>
    private static MeshError Describe(ParseError error, CommandResult where) => error.SymbolResult switch
    {
        ArgumentResult { Parent: OptionResult option } => Describe(error, option),
        OptionResult option => Describe(error, option),
        ArgumentResult { Tokens.Count: 0 } argument => new MeshError(CliErrorCodes.Usage, CommandPath.Of(where), $"missing {SymbolLabels.Of(argument.Argument)}"),
        _ => new MeshError(CliErrorCodes.Usage, CommandPath.Of(where), error.Message),
    };

    private static MeshError Describe(ParseError error, OptionResult option)
    {
        var name = option.Option.Name;
        if (option.Tokens.Count > 0)
            return new MeshError(CliErrorCodes.BadOptionValue, name, error.Message);
        var what = option.IdentifierToken is null ? "missing" : "no value";
        return new MeshError(CliErrorCodes.Usage, name, $"{what}: give {name} {SymbolLabels.Value(option.Option)}");
    }

    private static IEnumerable<string> OptionNames(CommandResult where)
    {
        for (SymbolResult? at = where; at is CommandResult command; at = command.Parent)
        {
            foreach (var option in command.Command.Options.Where(o => !o.Hidden && (o.Recursive || command == where)))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                    yield return alias;
            }
        }
    }

    private static bool IsOptionLike(string token) => token.Length > 1 && token[0] == '-';
}
