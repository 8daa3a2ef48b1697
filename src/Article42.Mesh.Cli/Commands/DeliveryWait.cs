using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 send --wait-delivery</c>: prints the sent message's reports from the mesh's feed as JSON lines until every
/// recipient has a DR or an NDR (escalations are printed as they come, they settle nothing). The feed is read from the
/// receipt's position on, where the message's reports begin, not from the start of the sender's history.
/// </summary>
public static class DeliveryWait
{
    /// <returns>0 when every recipient has a DR; 3 when any has an NDR or the deadline came first.</returns>
    public static async Task<int> ReportAsync(MeshGateway mesh, SubmitReceipt receipt, CancellationToken deadline, CancellationToken cancellation)
    {
        var waiting = new HashSet<string>(receipt.Recipients, StringComparer.Ordinal);
        var refused = false;
        try
        {
            await foreach (var report in mesh.ReportsAsync(receipt.Position, deadline))
            {
                if (report.MessageId != receipt.MessageId)
                    continue;
                Console.WriteLine(JsonLines.Report(report));
                var settled = report switch
                {
                    Delivered delivered => delivered.Recipient,
                    NotDelivered notDelivered => notDelivered.Recipient,
                    _ => null,
                };
                refused |= report is NotDelivered;
                if (settled is not null && waiting.Remove(settled) && waiting.Count == 0)
                    break;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine($"no delivery report yet for {string.Join(",", waiting.Order(StringComparer.Ordinal))} (--timeout)");
            return ExitCodes.Partial;
        }
        return refused ? ExitCodes.Partial : ExitCodes.Success;
    }
}
