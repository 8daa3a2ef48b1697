namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 envelope new|validate|sign|verify</c>: work with envelope files offline.</summary>
public static class EnvelopeCommand
{
    public static Command Create()
    {
        var envelope = new Command("envelope", "Create, validate, sign and verify envelope files.");
        envelope.Subcommands.Add(EnvelopeNewCommand.Create());
        envelope.Subcommands.Add(EnvelopeValidateCommand.Create());
        envelope.Subcommands.Add(EnvelopeSignCommand.Create());
        envelope.Subcommands.Add(EnvelopeVerifyCommand.Create());
        return envelope.WithExamples(
            "a42 envelope new --kind SITREP --from FR --to DE > sitrep.json",
            "a42 envelope sign sitrep.json --as FR | a42 envelope verify -");
    }
}
