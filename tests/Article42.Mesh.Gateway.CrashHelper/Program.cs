using System.Globalization;
using System.Net;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

// Usage: gateway-crash-helper <gateway port> <trust store> <participant> <batch>
// Receives the participant's inbox and acknowledges it in batches of <batch>, as an application with an ack queue does.
// Prints "handed <msg_id> <redelivered>" for each message it is handed and "acked <msg_id>..." once a batch's
// acknowledgement returned. The test kills this process with SIGKILL with a batch half full, starts it again, and
// checks that every message not acknowledged is handed again, flagged.
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var participant = args[2];
var batch = int.Parse(args[3], CultureInfo.InvariantCulture);
await using var gateway = await MeshGateway.ConnectAsync(new MeshGatewayOptions
{
    Participant = participant,
    PrivateKey = TrustStore.Open(args[1]).LoadPrivateKey(participant),
    Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, port)] },
    PollInterval = TimeSpan.FromMilliseconds(250),
});
Console.WriteLine("ready");
var pending = new List<InboxMessage>();
await foreach (var message in gateway.ReceiveAsync())
{
    Console.WriteLine($"handed {message.Envelope.MsgId} {(message.Redelivered ? "redelivered" : "first")}");
    pending.Add(message);
    if (pending.Count < batch)
        continue;
    await gateway.AckAsync(pending);
    Console.WriteLine($"acked {string.Join(' ', pending.Select(m => m.Envelope.MsgId))}");
    pending.Clear();
}
