using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 participants [--json] [--keys DIR]</c>: the configured registry.</summary>
public static class ParticipantsCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var keys = CommonOptions.Keys();
        var command = new Command("participants", "List the participants of the registry (the trust store's, else the shipped default).") { json, keys };
        command.WithExamples(
            "a42 participants",
            "a42 participants --json | jq -r '.participants[].id'");
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var registry = TrustStoreLocator.Registry(parse.GetValue(keys));
            if (parse.GetValue(json))
                Console.WriteLine(registry.ToJson());
            else
                Listing(registry).Write();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Listing Listing(ParticipantRegistry registry)
    {
        var listing = new Listing("Id", "ISO", "Name", "Kind", "NATO", "Accreditation", "Key");
        foreach (var p in registry.Participants)
        {
            listing.Add(
                p.Id, p.IsoCode ?? "-", p.Name, EnvelopeCodec.WireName(p.Kind),
                p.Nato ? "yes" : "no", EnvelopeCodec.WireName(p.AccreditationMax), p.PublicKey is null ? "-" : "yes");
        }
        return listing;
    }
}
