using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>What the gateway-guard tests check on an embedded silo: its refusal counter, its log, its memory, and that FR still reaches DE.</summary>
public static class GatewayChecks
{
    /// <summary><c>a42_gateway_refused_total</c> for <paramref name="reason"/>, from the silo's <c>/metrics</c> (0 before the first).</summary>
    public static async Task<double> RefusedAsync(SiloPorts ports, string reason)
    {
        using var http = OperatorHttp.Client();
        var metrics = await http.GetStringAsync(ports.Url("/metrics"), TestContext.Current.CancellationToken);
        return Regex.Matches(metrics, $@"^a42_gateway_refused_total\{{[^}}]*a42_reason=""{reason}""[^}}]*\}} ([0-9.e+]+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Waits for <c>a42_gateway_refused_total{a42_reason=reason}</c> to rise above <paramref name="before"/>.</summary>
    public static Task CountsAsync(SiloPorts ports, string reason, double before) =>
        Deadline.UntilAsync(async () => await RefusedAsync(ports, reason) > before, TimeSpan.FromSeconds(10), $"a42_gateway_refused_total{{a42_reason=\"{reason}\"}} rising above {before}");

    /// <summary>Waits for the silo to log <paramref name="text"/>.</summary>
    public static Task LogsAsync(TestProcess silo, string text) =>
        Deadline.UntilAsync(() => silo.Errors.Any(line => line.Contains(text, StringComparison.Ordinal)), TimeSpan.FromSeconds(10), $"the silo logging \"{text}\"\n{silo.Describe()}");

    /// <summary>The resident memory of process <paramref name="pid"/> (VmRSS of /proc/PID/status), in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>A legitimate FR → DE send and receive through the gateway SDK.</summary>
    public static async Task FranceReachesGermanyAsync(string home, int gatewayPort)
    {
        var cancel = TestContext.Current.CancellationToken;
        var store = TrustStore.Open(Path.Combine(home, "keys"));
        MeshGatewayOptions Options(string participant) => new()
        {
            Participant = participant,
            PrivateKey = store.LoadPrivateKey(participant),
            Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, gatewayPort)] },
        };
        await using var fr = await MeshGateway.ConnectAsync(Options("FR"), cancel);
        await using var de = await MeshGateway.ConnectAsync(Options("DE"), cancel);
        var receipt = await fr.SendAsync(fr.Draft(MessageKind.Sitrep, "DE"), cancel);
        await using var inbox = de.ReceiveAsync(cancel).GetAsyncEnumerator(cancel);
        while (await inbox.MoveNextAsync().AsTask().WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(30)), cancel))
        {
            await de.AckAsync([inbox.Current], cancel);
            if (inbox.Current.Envelope.MsgId == receipt.MessageId)
                return;
        }

        Assert.Fail($"DE's inbox ended without {receipt.MessageId}");
    }
}
