using Article42.Mesh.Cli.Keys;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 keys ceiling ID LABEL</c>: a participant's accreditation ceiling changed (issue #21).</summary>
public static class KeysCeilingCommand
{
    public static Command Create()
    {
        var participant = new Argument<string>("participant") { Description = "Whose ceiling changes.", HelpName = "PARTICIPANT" };
        var label = new Argument<string>("label") { Description = "The highest classification the participant's systems are accredited for: name or 0-4.", HelpName = "LABEL" };
        var flow = new RegistryUpdateFlow();
        var command = new Command("ceiling", "Set a participant's accreditation ceiling (the highest label the mesh delivers to it) in the next registry version, signed with operator.pem and published to the mesh when it is reachable.")
        {
            participant, label,
        };
        foreach (var option in flow.All)
            command.Options.Add(option);
        command.WithExamples(
            "a42 keys ceiling FR SECRET_UE",
            "a42 keys ceiling EL CONFIDENTIEL_UE --json");
        command.SetAction((parse, cancellation) => flow.RunAsync(parse, (registry, _) =>
            RegistryChanges.Ceiling(registry, parse.GetValue(participant)!, OptionValues.Classification(parse.GetValue(label)!, "LABEL")), cancellation));
        return command;
    }
}
