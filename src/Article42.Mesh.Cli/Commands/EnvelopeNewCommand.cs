using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 envelope new --kind KIND --from ID --to IDS ...</c>: a valid skeleton envelope of that kind.</summary>
public static class EnvelopeNewCommand
{
    public static Command Create()
    {
        var kind = new Option<string>("--kind") { Description = "Message kind, e.g. INVOCATION, SITREP, RFA.", Required = true };
        var from = new Option<string>("--from") { Description = "Sending participant id.", Required = true };
        var to = new Option<string>("--to") { Description = "Action addressees: ids or groups (ALL-MS, EU-BODIES, ALL), comma-separated.", Required = true };
        var info = new Option<string?>("--info") { Description = "Info addressees, comma-separated." };
        var precedence = new Option<string?>("--precedence") { Description = "Action precedence: name or 0-5 (default: the kind's)." };
        var infoPrecedence = new Option<string?>("--info-precedence") { Description = "Info precedence: name or 0-5 (default: the kind's)." };
        var label = new Option<string>("--label") { Description = "Classification: name or 0-4.", DefaultValueFactory = _ => "UNCLASSIFIED" };
        var releasableTo = new Option<string?>("--releasable-to") { Description = "Participants or groups the content is released to (default: everyone)." };
        var activation = new Option<string?>("--activation") { Description = "Activation id (A42-YYYY-NNNN); kinds that need one get A42-<year>-0001 when left out." };
        var mode = new Option<string?>("--mode") { Description = "operation, exercise, drill or project (default: operation; exercise for exercise-control kinds)." };
        var exercise = new Option<string?>("--exercise") { Description = "Exercise id for exercise and drill traffic (default: EX-1)." };
        var inReplyTo = new Option<string?>("--in-reply-to") { Description = "The message this one answers (reply kinds get a placeholder id when left out)." };
        var keys = CommonOptions.Keys();
        var command = new Command("new", "Print a valid skeleton envelope of a kind, ready to edit, sign and send.")
        {
            kind, from, to, info, precedence, infoPrecedence, label, releasableTo, activation, mode, exercise, inReplyTo, keys,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var request = new SkeletonRequest(
                OptionValues.Kind(parse.GetValue(kind)!, "--kind"),
                parse.GetValue(from)!,
                OptionValues.Ids(parse.GetValue(to)),
                OptionValues.Ids(parse.GetValue(info)),
                parse.GetValue(precedence) is { } p ? OptionValues.Precedence(p, "--precedence") : null,
                parse.GetValue(infoPrecedence) is { } ip ? OptionValues.Precedence(ip, "--info-precedence") : null,
                OptionValues.Classification(parse.GetValue(label)!, "--label"),
                OptionValues.Ids(parse.GetValue(releasableTo)),
                parse.GetValue(activation),
                parse.GetValue(mode) is { } m ? OptionValues.Mode(m, "--mode") : null,
                parse.GetValue(exercise),
                parse.GetValue(inReplyTo));
            var envelope = EnvelopeSkeleton.Build(request, DateTimeOffset.UtcNow);
            var errors = EnvelopeValidator.Validate(envelope, TrustStoreLocator.Registry(parse.GetValue(keys)), DateTimeOffset.UtcNow);
            if (!errors.IsEmpty)
                throw new CliException(errors);
            Console.WriteLine(EnvelopeCodec.EncodeIndented(envelope));
            return ExitCodes.Success;
        }));
        return command;
    }
}
