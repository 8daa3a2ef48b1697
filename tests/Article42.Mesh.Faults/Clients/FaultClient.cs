using System.Threading.Channels;
using Article42.Mesh.Faults.History;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.Faults.Clients;

/// <summary>
/// One client process: a national gateway (the SDK's <see cref="MeshGateway"/>) that sends to its peers until its
/// standard input closes, and receives, acknowledges and reads its reports until SIGTERM, writing every operation to
/// its history (<see cref="HistoryWriter"/>). Started again after a SIGKILL on the same history and state directory.
/// </summary>
public sealed class FaultClient(ClientSettings settings, HistoryWriter history)
{
    private const int AckBatch = 100;
    private static readonly Precedence[] Precedences = [Precedence.Routine, Precedence.Priority];

    public async Task RunAsync(CancellationToken stopping)
    {
        history.Write(e => e with { Op = Operation.Start });
        var store = TrustStore.Open(settings.Keys);
        await using var gateway = await MeshGateway.ConnectAsync(new MeshGatewayOptions
        {
            Participant = settings.Participant,
            PrivateKey = store.LoadPrivateKey(settings.Participant),
            Connection = new() { Endpoints = settings.Gateways },
            StateDirectory = settings.State,
            SendDeadline = TimeSpan.FromSeconds(90),
        }, stopping);
        Console.WriteLine("ready");
        await AckWhatTheLastRunHandedAsync(gateway, stopping);
        var sending = SendUntilInputClosesAsync(gateway, stopping);
        var handed = Channel.CreateUnbounded<string>();
        var receiving = Resilient("receive", () => ReceiveAsync(gateway, handed, stopping), stopping);
        var acknowledging = Resilient("acknowledge", () => AcknowledgeAsync(gateway, handed.Reader, stopping), stopping);
        var reporting = Resilient("reports", () => ReportAsync(gateway, stopping), stopping);
        await sending;
        Console.WriteLine("sent");
        await Task.WhenAll(receiving, acknowledging, reporting);
    }

    private async Task SendUntilInputClosesAsync(MeshGateway gateway, CancellationToken stopping)
    {
        using var inputClosed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _ = Task.Run(async () =>
        {
            // The harness closes standard input to end the load; a killed harness closes it too.
            await Console.In.ReadToEndAsync(stopping);
            await inputClosed.CancelAsync();
        }, stopping);
        var random = new Random(settings.Seed);
        using var pace = new PeriodicTimer(settings.Interval);
        try
        {
            while (await pace.WaitForNextTickAsync(inputClosed.Token))
            {
                var to = random.Next(3) == 0 ? settings.Peers : [settings.Peers[random.Next(settings.Peers.Length)]];
                await SendOneAsync(gateway, to, Precedences[random.Next(Precedences.Length)], stopping);
            }
        }
        catch (OperationCanceledException) when (inputClosed.IsCancellationRequested)
        {
            // Load ends; receiving goes on until SIGTERM.
        }
    }

    private async Task SendOneAsync(MeshGateway gateway, ImmutableArray<string> to, Precedence precedence, CancellationToken stopping)
    {
        var draft = gateway.Draft(MessageKind.Sitrep, [.. to]) with { PrecedenceAction = precedence };
        history.Write(e => e with { Op = Operation.Invoke, Id = draft.MsgId, From = settings.Participant, To = to, Precedence = precedence });
        try
        {
            var receipt = await gateway.SendAsync(draft, stopping);
            history.Write(e => e with { Op = Operation.Ok, Id = draft.MsgId, To = receipt.Recipients, AcceptedAt = receipt.AcceptedAt });
        }
        catch (MeshRefusedException refused)
        {
            history.Write(e => e with { Op = Operation.Fail, Id = draft.MsgId, Code = string.Join(',', refused.Errors.Select(x => x.Code)), Error = refused.Message });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            history.Write(e => e with { Op = Operation.Unknown, Id = draft.MsgId, Error = $"{ex.GetType().Name}: {ex.Message}" });
        }
    }

    private async Task ReceiveAsync(MeshGateway gateway, Channel<string> toAcknowledge, CancellationToken stopping)
    {
        await foreach (var message in gateway.ReceiveAsync(stopping))
        {
            var id = message.Envelope.MsgId;
            history.Write(e => e with
            {
                Op = Operation.Handed,
                Id = id,
                From = message.Envelope.From,
                Precedence = message.Precedence,
                Sequence = message.Sequence,
                Redelivered = message.Redelivered,
            });
            await toAcknowledge.Writer.WriteAsync(id, stopping);
        }
    }

    /// <summary>
    /// Acknowledges what was handed, in batches of what has piled up (as an application that processes in batches
    /// does), so the consumer keeps pace with the load instead of waiting one round trip per message.
    /// </summary>
    private async Task AcknowledgeAsync(MeshGateway gateway, ChannelReader<string> handed, CancellationToken stopping)
    {
        while (await handed.WaitToReadAsync(stopping))
        {
            var batch = new List<string>();
            while (batch.Count < AckBatch && handed.TryRead(out var id))
                batch.Add(id);
            await AckAsync(gateway, batch, stopping);
        }
    }

    /// <summary>
    /// The gateway will not hand a message twice, so the application keeps acknowledging until the mesh takes the
    /// acknowledgement (the SDK retries each attempt up to its send deadline already).
    /// </summary>
    private async Task AckAsync(MeshGateway gateway, IReadOnlyCollection<string> ids, CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                await gateway.AckAsync(ids, stopping);
                foreach (var id in ids)
                    history.Write(e => e with { Op = Operation.Acked, Id = id });
                return;
            }
            catch (MeshRefusedException refused)
            {
                // Ids the mesh says it does not hold stay unacknowledged (the checker calls them stuck); the others are acknowledged.
                await Console.Error.WriteLineAsync($"ack refused: {refused.Message}");
                var unknown = refused.Errors.Select(e => e.Path).ToHashSet();
                foreach (var (id, _) in ids.Select((id, index) => (id, index)).Where(x => !unknown.Contains($"$.message_ids[{x.index}]")))
                    history.Write(e => e with { Op = Operation.Acked, Id = id });
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"ack of {ids.Count}: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private async Task ReportAsync(MeshGateway gateway, CancellationToken stopping)
    {
        await foreach (var report in gateway.EventsAsync(stopping))
        {
            (ReportKind? kind, string? recipient) = report switch
            {
                Delivered d => (ReportKind.Delivered, d.Recipient),
                NotDelivered n => (ReportKind.NotDelivered, n.Recipient),
                _ => ((ReportKind?)null, (string?)null),
            };
            if (kind is not null)
                history.Write(e => e with { Op = Operation.Report, Id = report.MessageId, Report = kind, Recipient = recipient });
        }
    }

    /// <summary>
    /// What the previous run of this client was handed and did not get to acknowledge (killed in between): the gateway's
    /// state directory will not hand it again, so the application acknowledges it by id, as a real one would on restart.
    /// </summary>
    private async Task AckWhatTheLastRunHandedAsync(MeshGateway gateway, CancellationToken stopping)
    {
        var path = HistoryFiles.PathOf(settings.Histories, settings.Participant);
        var mine = HistoryFiles.Read(path);
        var acked = mine.Where(e => e.Op == Operation.Acked).Select(e => e.Id).ToHashSet();
        var pending = mine.Where(e => e.Op == Operation.Handed && !acked.Contains(e.Id)).Select(e => e.Id!).Distinct().ToList();
        if (pending.Count > 0)
            await AckAsync(gateway, pending, stopping);
    }

    private static async Task Resilient(string what, Func<Task> loop, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await loop();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The history shows what the application saw; stderr says why a loop started over.
                await Console.Error.WriteLineAsync($"{what}: {ex.GetType().Name}: {ex.Message}");
            }
            // A loop that ended or failed starts over after a pause, not in a spin.
            await Task.Delay(TimeSpan.FromSeconds(1), stopping);
        }
    }
}
