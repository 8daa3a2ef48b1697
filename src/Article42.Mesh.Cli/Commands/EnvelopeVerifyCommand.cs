using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 envelope verify FILE [--keys DIR]</c>: exit 0 when the signature holds, else exit 2 with the reason.</summary>
public static class EnvelopeVerifyCommand
{
    public static Command Create()
    {
        var file = CommonOptions.FileOrStdin();
        var keys = CommonOptions.Keys();
        var command = new Command("verify", "Verify an envelope's signature against the registry key of its sender.") { file, keys };
        command.WithExamples(
            "a42 envelope verify signed.json",
            "a42 envelope verify signed.json --keys ./keys");
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var envelope = InputFiles.ReadEnvelope(parse.GetValue(file)!);
            if (EnvelopeSignatures.Verify(envelope, TrustStoreLocator.Registry(parse.GetValue(keys))) is { } error)
                throw new CliException([error]);
            Console.WriteLine($"verified: signed by {envelope.From}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
