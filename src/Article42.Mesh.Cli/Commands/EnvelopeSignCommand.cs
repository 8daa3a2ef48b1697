using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 envelope sign FILE --as ID [--keys DIR]</c>: the signed envelope on stdout.</summary>
public static class EnvelopeSignCommand
{
    public static Command Create()
    {
        var file = CommonOptions.FileOrStdin();
        var signer = new Option<string>("--as") { Description = "The signing participant; must be the envelope's from.", HelpName = "PARTICIPANT", Required = true };
        var keys = CommonOptions.Keys();
        var command = new Command("sign", "Sign a valid envelope with a participant's private key.") { file, signer, keys };
        command.WithExamples(
            "a42 envelope sign sitrep.json --as FR > signed.json",
            "a42 envelope new --kind SITREP --from FR --to DE | a42 envelope sign - --as FR");
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var envelope = InputFiles.ReadEnvelope(parse.GetValue(file)!);
            var id = parse.GetValue(signer)!;
            if (id != envelope.From)
                throw new CliException(CliErrorCodes.WrongSigner, "--as", $"'{id}' cannot sign an envelope from '{envelope.From}'");
            var store = TrustStoreLocator.Store(parse.GetValue(keys));
            var errors = EnvelopeValidator.Validate(envelope, store.Registry, DateTimeOffset.UtcNow);
            if (!errors.IsEmpty)
                throw new CliException(errors);
            using var key = store.LoadPrivateKey(id);
            Console.WriteLine(EnvelopeCodec.EncodeIndented(EnvelopeSignatures.Sign(envelope, key)));
            return ExitCodes.Success;
        }));
        return command;
    }
}
