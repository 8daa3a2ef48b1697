namespace Article42.Mesh.Cli.Contexts;

/// <summary>
/// Gives every command that connects (those with <c>--gateway</c>) a <c>--context NAME</c> option, and makes the selected
/// context the default of its <c>--gateway</c>, <c>--tls-ca</c>, <c>--tls-cert</c>, <c>--keys</c> and <c>--operator-key</c>:
/// what the command line gives wins, then the context, then the <c>A42_*</c> variables and the built-in defaults,
/// which the commands apply as before. Done here, once, so that no command knows about contexts.
/// </summary>
public static class ContextDefaults
{
    public const string GatewayOption = "--gateway";
    public const string ContextOption = "--context";
    private const string NoTlsOption = "--no-tls";

    private static readonly Dictionary<string, Func<MeshContext, string?>> Fields = new(StringComparer.Ordinal)
    {
        [GatewayOption] = context => context.Gateways.IsEmpty ? null : string.Join(',', context.Gateways),
        ["--tls-ca"] = context => context.TlsCa,
        ["--tls-cert"] = context => context.TlsCert,
        ["--keys"] = context => context.Keys,
        ["--operator-key"] = context => context.OperatorKey,
    };

    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var command in Connecting(root))
        {
            var context = new Option<string?>(ContextOption) { Description = $"Take the connection defaults from this context (default: ${ContextFile.ContextVariable}, else the current one; a42 context list).", HelpName = "NAME" };
            command.Options.Add(context);
            var noTls = command.Options.OfType<Option<bool>>().FirstOrDefault(o => o.Name == NoTlsOption);
            foreach (var option in command.Options.OfType<Option<string?>>())
            {
                if (!Fields.TryGetValue(option.Name, out var field))
                    continue;
                var isTls = option.Name.StartsWith("--tls-", StringComparison.Ordinal);
                option.DefaultValueFactory = result =>
                    isTls && noTls is not null && result.GetValue(noTls) ? null
                    : Quietly(result.GetValue(context)) is { } selected ? field(selected) : null;
            }
            // The one-shot commands take --gateway repeatably (a list of endpoints); the context gives them its list.
            foreach (var option in command.Options.OfType<Option<string[]>>().Where(o => o.Name == GatewayOption))
                option.DefaultValueFactory = result => Quietly(result.GetValue(context)) is { } selected ? [.. selected.Gateways] : [];
        }
    }

    /// <summary>
    /// Resolves the selected context before the command runs, so that a misspelt name or a broken file is refused
    /// even when every value it would give is on the command line.
    /// </summary>
    public static void Check(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.CommandResult.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == ContextOption) is { } context)
            _ = ContextFile.Selected(parsed.GetValue(context));
    }

    // System.CommandLine computes defaults while parsing, before CommandRunner can print a refusal; the refusal comes
    // from Check instead, which runs on the same parse before the command does.
    private static MeshContext? Quietly(string? name)
    {
        try
        {
            return ContextFile.Selected(name)?.Context;
        }
        catch (CliException)
        {
            return null;
        }
    }

    private static IEnumerable<Command> Connecting(Command command) =>
        command.Options.Any(o => o.Name == GatewayOption)
            ? [command, .. command.Subcommands.SelectMany(Connecting)]
            : command.Subcommands.SelectMany(Connecting);
}
