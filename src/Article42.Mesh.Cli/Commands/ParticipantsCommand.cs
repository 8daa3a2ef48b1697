using Article42.Mesh.Protocol;
using Spectre.Console;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 participants [--json] [--keys DIR]</c>: the configured registry.</summary>
public static class ParticipantsCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var keys = CommonOptions.Keys();
        var command = new Command("participants", "List the participants of the registry (the trust store's, else the shipped default).") { json, keys };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var registry = TrustStoreLocator.Registry(parse.GetValue(keys));
            if (parse.GetValue(json))
                Console.WriteLine(registry.ToJson());
            else
                AnsiConsole.Write(Table(registry));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Table Table(ParticipantRegistry registry)
    {
        var table = new Table().AddColumns("Id", "ISO", "Name", "Kind", "NATO", "Accreditation", "Key");
        foreach (var p in registry.Participants)
        {
            table.AddRow(
                Markup.Escape(p.Id), p.IsoCode ?? "", Markup.Escape(p.Name), EnvelopeCodec.WireName(p.Kind),
                p.Nato ? "yes" : "no", EnvelopeCodec.WireName(p.AccreditationMax), p.PublicKey is null ? "-" : "yes");
        }
        return table;
    }
}
