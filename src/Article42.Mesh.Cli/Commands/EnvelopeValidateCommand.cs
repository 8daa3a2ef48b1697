using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 envelope validate FILE|-</c>: <c>valid</c>, or one line per error and exit 2.</summary>
public static class EnvelopeValidateCommand
{
    public static Command Create()
    {
        var file = CommonOptions.FileOrStdin();
        var keys = CommonOptions.Keys();
        var command = new Command("validate", "Check an envelope against the codec and every envelope rule; prints all errors.") { file, keys };
        command.WithExamples(
            "a42 envelope validate sitrep.json",
            "cat sitrep.json | a42 envelope validate -");
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var envelope = InputFiles.ReadEnvelope(parse.GetValue(file)!);
            var errors = EnvelopeValidator.Validate(envelope, TrustStoreLocator.Registry(parse.GetValue(keys)), DateTimeOffset.UtcNow);
            if (!errors.IsEmpty)
                throw new CliException(errors);
            Console.WriteLine("valid");
            return ExitCodes.Success;
        }));
        return command;
    }
}
