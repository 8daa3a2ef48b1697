using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// The options that shape a skeleton envelope, shared by <c>a42 envelope new</c> and <c>a42 send</c> so each is
/// spelled, described and parsed once. The sender comes from the command (<c>--from</c> or <c>--as</c>).
/// </summary>
public sealed class SkeletonOptions
{
    public Option<string?> Kind { get; } = new("--kind") { Description = "Message kind, e.g. INVOCATION, SITREP, RFA.", HelpName = "KIND" };

    public Option<string?> To { get; } = new("--to") { Description = "Action addressees: ids or groups (ALL-MS, EU-BODIES, ALL), comma-separated.", HelpName = "PARTICIPANTS" };

    public Option<string?> Info { get; } = new("--info") { Description = "Info addressees, comma-separated.", HelpName = "PARTICIPANTS" };

    public Option<string?> Precedence { get; } = new("--precedence") { Description = "Action precedence: name or 0-5 (default: the kind's).", HelpName = "PRECEDENCE" };

    public Option<string?> InfoPrecedence { get; } = new("--info-precedence") { Description = "Info precedence: name or 0-5 (default: the kind's).", HelpName = "PRECEDENCE" };

    public Option<string> Label { get; } = new("--label") { Description = "Classification: name or 0-4 (default: UNCLASSIFIED).", HelpName = "LABEL", DefaultValueFactory = _ => "UNCLASSIFIED" };

    public Option<string?> ReleasableTo { get; } = new("--releasable-to") { Description = "Participants or groups the content is released to (default: everyone).", HelpName = "PARTICIPANTS" };

    public Option<string?> Activation { get; } = new("--activation") { Description = "Activation id (A42-YYYY-NNNN); kinds that need one get A42-<year>-0001 when left out.", HelpName = "ACTIVATION" };

    public Option<string?> Mode { get; } = new("--mode") { Description = "operation, exercise, drill or project (default: operation; exercise for exercise-control kinds).", HelpName = "MODE" };

    public Option<string?> Exercise { get; } = new("--exercise") { Description = "Exercise id for exercise and drill traffic (default: EX-1).", HelpName = "EXERCISE" };

    public Option<string?> InReplyTo { get; } = new("--in-reply-to") { Description = "The message this one answers (reply kinds get a placeholder id when left out).", HelpName = "MSGID" };

    public IEnumerable<Option> All => [Kind, To, Info, Precedence, InfoPrecedence, Label, ReleasableTo, Activation, Mode, Exercise, InReplyTo];

    /// <summary>True when any option that only makes sense for a skeleton was given (so a prepared FILE with them is a usage error).</summary>
    public bool AnyGiven(ParseResult parse) => All.Any(option => parse.GetResult(option) is { Implicit: false });

    /// <summary>The skeleton envelope the options describe, from <paramref name="from"/>; a bad value is refused naming its option.</summary>
    public Envelope Build(ParseResult parse, string from, DateTimeOffset now)
    {
        var kind = parse.GetValue(Kind) ?? throw new CliException(CliErrorCodes.Usage, "--kind", "a skeleton message needs --kind");
        var to = parse.GetValue(To) ?? throw new CliException(CliErrorCodes.Usage, "--to", "a skeleton message needs --to (ids or groups)");
        var request = new SkeletonRequest(
            OptionValues.Kind(kind, "--kind"),
            from,
            OptionValues.Ids(to),
            OptionValues.Ids(parse.GetValue(Info)),
            parse.GetValue(Precedence) is { } p ? OptionValues.Precedence(p, "--precedence") : null,
            parse.GetValue(InfoPrecedence) is { } ip ? OptionValues.Precedence(ip, "--info-precedence") : null,
            OptionValues.Classification(parse.GetValue(Label)!, "--label"),
            OptionValues.Ids(parse.GetValue(ReleasableTo)),
            parse.GetValue(Activation),
            parse.GetValue(Mode) is { } m ? OptionValues.Mode(m, "--mode") : null,
            parse.GetValue(Exercise),
            parse.GetValue(InReplyTo));
        return EnvelopeSkeleton.Build(request, now);
    }
}
