using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 send FILE|-</c> (a prepared envelope, signed or not) or <c>a42 send --as ID --to IDS --kind KIND ...</c> (a
/// skeleton of the kind, its payload from <c>--body</c>): signs, submits until the mesh holds it, prints the receipt as
/// one JSON line; with <c>--wait-delivery</c>, then one line per recipient's DR or NDR, exit 3 if any is an NDR.
/// </summary>
public static class SendCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "A prepared envelope file, or - for standard input.", HelpName = "FILE", Arity = ArgumentArity.ZeroOrOne };
        var participant = new Option<string?>("--as") { Description = "The sending participant (default: the envelope's from).", HelpName = "PARTICIPANT" };
        var skeleton = new SkeletonOptions();
        skeleton.Kind.DefaultValueFactory = _ => "SITREP";
        skeleton.Kind.Description = "Message kind, e.g. INVOCATION, SITREP, RFA (default: SITREP).";
        var body = new Option<string?>("--body") { Description = "The payload of a skeleton message: a JSON object, or @FILE (default: the kind's template).", HelpName = "JSON|@FILE" };
        var id = new Option<string?>("--id") { Description = "Message id (ULID) to use, so a repeated send is recognised.", HelpName = "MSGID" };
        var waitDelivery = new Option<bool>("--wait-delivery") { Description = "Then print each recipient's delivery report (DR or NDR) as a JSON line; exit 3 if any is an NDR." };
        var timeout = WholeNumberOption.Seconds("--timeout", "Seconds to wait for the receipt and, with --wait-delivery, every report (default: 120).", 120);
        var keys = CommonOptions.Keys();
        var gateway = new GatewayOptions();
        var command = new Command("send", "Sign and send a message; prints the receipt as one JSON line.") { file, participant, body, id, waitDelivery, timeout, keys };
        command.WithExamples(
            "a42 send --as FR --to DE --kind SITREP",
            "a42 send --as FR --to DE,PL --kind RFI --body @question.json --wait-delivery",
            $"a42 send signed.json --gateway 10.0.0.5:{MeshDefaults.GatewayPort}");
        foreach (var option in skeleton.All.Concat(gateway.All))
            command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var envelope = parse.GetValue(file) is { } path
                ? Prepared(path, parse, skeleton, body)
                : Skeleton(parse, skeleton, parse.GetValue(participant), parse.GetValue(body));
            if (parse.GetValue(id) is { } messageId)
                envelope = envelope with { MsgId = messageId, Signature = null };
            var sender = parse.GetValue(participant) ?? envelope.From;
            if (sender != envelope.From)
                throw new CliException(CliErrorCodes.WrongSigner, "--as", $"'{sender}' cannot send an envelope from '{envelope.From}'");
            var seconds = parse.GetValue(timeout);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
            var options = gateway.For(parse, sender, parse.GetValue(keys)) with { SendDeadline = TimeSpan.FromSeconds(seconds), OnUnreachable = Reachability.GiveUp };
            var late = $"no receipt for {envelope.MsgId} within {seconds} s (--timeout); sending it again with --id {envelope.MsgId} is safe";
            await using var mesh = await Deadline.Within(() => MeshGateway.ConnectAsync(options, deadline.Token), deadline.Token, cancellation, late);
            var receipt = await Deadline.Within(() => mesh.SendAsync(envelope, deadline.Token), deadline.Token, cancellation, late);
            Console.WriteLine(JsonLines.Receipt(receipt));
            return parse.GetValue(waitDelivery) ? await DeliveryWait.ReportAsync(mesh, receipt, deadline.Token, cancellation) : ExitCodes.Success;
        }));
        return command;
    }

    private static Envelope Prepared(string path, ParseResult parse, SkeletonOptions skeleton, Option<string?> body)
    {
        if (skeleton.AnyGiven(parse) || parse.GetValue(body) is not null)
            throw new CliException(CliErrorCodes.Usage, "file", "a prepared envelope FILE comes whole: leave out --kind, --to, --body and the other skeleton options");
        return InputFiles.ReadEnvelope(path);
    }

    private static Envelope Skeleton(ParseResult parse, SkeletonOptions skeleton, string? from, string? body)
    {
        if (from is null)
            throw new CliException(CliErrorCodes.Usage, "--as", "give a FILE, or --as, --to and --kind for a new message");
        var envelope = skeleton.Build(parse, from, DateTimeOffset.UtcNow);
        return body is null ? envelope : BodyInput.Apply(envelope, body);
    }
}
