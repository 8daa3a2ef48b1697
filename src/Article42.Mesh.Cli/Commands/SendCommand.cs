using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 send FILE|-</c> (a prepared envelope, signed or not) or <c>a42 send --as ID --to IDS --kind KIND ...</c> (a
/// skeleton of the kind): signs, submits until the mesh holds it, prints the receipt as one JSON line.
/// </summary>
public static class SendCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "A prepared envelope file, or - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var participant = new Option<string?>("--as") { Description = "The sending participant (default: the envelope's from)." };
        var to = new Option<string?>("--to") { Description = "Action addressees (ids or groups), comma-separated, for a skeleton envelope." };
        var kind = new Option<string>("--kind") { Description = "Kind of a skeleton envelope.", DefaultValueFactory = _ => "SITREP" };
        var precedence = new Option<string?>("--precedence") { Description = "Action precedence: name or 0-5." };
        var id = new Option<string?>("--id") { Description = "Message id (ULID) to use, so a repeated send is recognised." };
        var keys = CommonOptions.Keys();
        var gateway = GatewayOptions.Gateway();
        var tls = new GatewayTlsOptions();
        var command = new Command("send", "Sign and send a message; prints the receipt as one JSON line.") { file, participant, to, kind, precedence, id, keys, gateway };
        tls.AddTo(command);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var envelope = parse.GetValue(file) is { } path
                ? InputFiles.ReadEnvelope(path)
                : Skeleton(parse.GetValue(participant), parse.GetValue(to), parse.GetValue(kind)!, parse.GetValue(precedence));
            if (parse.GetValue(id) is { } messageId)
                envelope = envelope with { MsgId = messageId, Signature = null };
            var sender = parse.GetValue(participant) ?? envelope.From;
            if (sender != envelope.From)
                throw new CliException(CliErrorCodes.WrongSigner, "--as", $"'{sender}' cannot send an envelope from '{envelope.From}'");
            await using var mesh = await MeshGateway.ConnectAsync(GatewayOptions.For(sender, parse.GetValue(gateway), parse.GetValue(keys), tls: tls.Resolve(parse, sender, parse.GetValue(keys))), cancellation);
            try
            {
                var receipt = await mesh.SendAsync(envelope, cancellation);
                Console.WriteLine($"{{\"msg_id\":\"{receipt.MessageId}\",\"accepted_at\":\"{receipt.AcceptedAt:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"recipients\":[{string.Join(",", receipt.Recipients.Select(r => $"\"{r}\""))}]}}");
                return ExitCodes.Success;
            }
            catch (MeshRefusedException refused)
            {
                throw new CliException(refused.Errors);
            }
        }));
        return command;
    }

    private static Envelope Skeleton(string? from, string? to, string kind, string? precedence)
    {
        if (from is null || to is null)
            throw new CliException(CliErrorCodes.Usage, "--as", "give a FILE, or --as and --to (and --kind) for a skeleton message");
        return EnvelopeSkeleton.Build(new SkeletonRequest(OptionValues.Kind(kind, "--kind"), from, OptionValues.Ids(to), [],
            precedence is null ? null : OptionValues.Precedence(precedence, "--precedence")), DateTimeOffset.UtcNow);
    }
}
