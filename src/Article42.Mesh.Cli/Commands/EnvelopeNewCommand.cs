using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 envelope new --kind KIND --from ID --to IDS ...</c>: a valid skeleton envelope of that kind.</summary>
public static class EnvelopeNewCommand
{
    public static Command Create()
    {
        var skeleton = new SkeletonOptions();
        skeleton.Kind.Required = true;
        skeleton.To.Required = true;
        var from = new Option<string>("--from") { Description = "Sending participant id.", HelpName = "PARTICIPANT", Required = true };
        var keys = CommonOptions.Keys();
        var command = new Command("new", "Print a valid skeleton envelope of a kind, ready to edit, sign and send.") { from, keys };
        command.WithExamples(
            "a42 envelope new --kind SITREP --from FR --to DE > sitrep.json",
            "a42 envelope new --kind INVOCATION --from LT --to ALL-MS --activation A42-2025-0001");
        foreach (var option in skeleton.All)
            command.Options.Add(option);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var now = DateTimeOffset.UtcNow;
            var envelope = skeleton.Build(parse, parse.GetValue(from)!, now);
            var errors = EnvelopeValidator.Validate(envelope, TrustStoreLocator.Registry(parse.GetValue(keys)), now);
            if (!errors.IsEmpty)
                throw new CliException(errors);
            Console.WriteLine(EnvelopeCodec.EncodeIndented(envelope));
            return ExitCodes.Success;
        }));
        return command;
    }
}
