using System.Text;
using System.Text.Json;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 listen --as ID [--ack] [--count N] [--timeout SECONDS] [--state DIR]</c>: one JSON line per received
/// envelope, each exactly once (across restarts too with <c>--state</c>), through silo restarts.
/// </summary>
public static class ListenCommand
{
    public static Command Create()
    {
        var participant = new Option<string>("--as") { Description = "The participant whose inbox to read.", Required = true };
        var keys = CommonOptions.Keys();
        var gateway = GatewayOptions.Gateway();
        var ack = new Option<bool>("--ack") { Description = "Acknowledge each message once printed (with the RECEIPT its sender asked for)." };
        var count = new Option<int?>("--count") { Description = "Stop after N messages (exit 3 if the timeout comes first)." };
        var timeout = new Option<int?>("--timeout") { Description = "Stop after SECONDS." };
        var state = new Option<string?>("--state") { Description = "State directory: never print a message twice, across restarts of this listener." };
        var tls = new GatewayTlsOptions();
        var command = new Command("listen", "Print the inbox as JSON lines, highest precedence first, each message once.") { participant, keys, gateway, ack, count, timeout, state };
        tls.AddTo(command);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var id = parse.GetValue(participant)!;
            var options = GatewayOptions.For(id, parse.GetValue(gateway), parse.GetValue(keys), parse.GetValue(state), tls.Resolve(parse, id, parse.GetValue(keys)));
            var registry = TrustStoreLocator.Store(parse.GetValue(keys)).Registry;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (parse.GetValue(timeout) is { } seconds)
                stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            var wanted = parse.GetValue(count);
            var printed = 0;
            await using var mesh = await MeshGateway.ConnectAsync(options, stop.Token);
            try
            {
                await foreach (var message in mesh.ReceiveAsync(stop.Token))
                {
                    Console.WriteLine(Line(message, verified: EnvelopeSignatures.Verify(message.Envelope, registry) is null));
                    if (parse.GetValue(ack))
                        await mesh.AckAsync(message, stop.Token);
                    if (++printed == wanted)
                        return ExitCodes.Success;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                // The timeout: fewer than --count arrived.
            }
            return wanted is null ? ExitCodes.Success : ExitCodes.Partial;
        }));
        return command;
    }

    /// <summary><c>{"sequence":N,"precedence":"FLASH","verified":true,"envelope":{...}}</c>.</summary>
    private static string Line(InboxMessage message, bool verified)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", message.Sequence);
            writer.WriteString("precedence", EnvelopeCodec.WireName(message.Precedence));
            writer.WriteBoolean("verified", verified);
            writer.WritePropertyName("envelope");
            writer.WriteRawValue(EnvelopeCodec.Encode(message.Envelope));
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
