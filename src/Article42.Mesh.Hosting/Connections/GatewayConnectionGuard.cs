using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Connections.Security;
using Orleans.Serialization.Session;

namespace Article42.Mesh.Hosting.Connections;

/// <summary>
/// Connection middleware on the gateway endpoint, after TLS: caps the connections one source address and one client
/// certificate hold open, and stands between the socket and Orleans, passing on only frames a <see cref="FrameInspector"/>
/// accepts. Orleans never compares a message's sender with the connection it came on, and reads a frame whole before
/// checking anything but its lengths; here a frame naming another sender, or announcing more than a gateway call can
/// need, closes the connection before Orleans sees a byte of it (logged, counted in <c>a42.gateway.refused</c>).
/// </summary>
internal sealed partial class GatewayConnectionGuard(
    IOptions<GatewayConnectionOptions> options,
    ClientPreambleReader preambles,
    SerializerSessionPool sessions,
    ILogger<GatewayConnectionGuard> logger)
{
    private readonly ConnectionSlots _addresses = new();
    private readonly ConnectionSlots _certificates = new();

    public async Task OnConnectionAsync(ConnectionContext context, ConnectionDelegate next)
    {
        var remote = context.RemoteEndPoint?.ToString();
        var address = (context.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? remote ?? "unknown";
        var certificate = context.Features.Get<ITlsConnectionFeature>()?.RemoteCertificate?.Thumbprint;
        var caps = options.Value;
        if (!_addresses.TryTake(address, caps.MaxPerAddress))
        {
            Refuse(context, remote, GatewayRefusal.AddressCap, $"its address {address} already holds {caps.MaxPerAddress} connections (Connections:MaxPerAddress)");
            return;
        }

        try
        {
            if (certificate is not null && !_certificates.TryTake(certificate, caps.MaxPerCertificate))
            {
                Refuse(context, remote, GatewayRefusal.CertificateCap, $"its certificate {certificate} already holds {caps.MaxPerCertificate} connections (Connections:MaxPerCertificate)");
                return;
            }

            try
            {
                await GuardAsync(context, next, remote).ConfigureAwait(false);
            }
            finally
            {
                if (certificate is not null)
                    _certificates.Release(certificate);
            }
        }
        finally
        {
            _addresses.Release(address);
        }
    }

    private async Task GuardAsync(ConnectionContext context, ConnectionDelegate next, string? remote)
    {
        var socket = context.Transport;
        var inspected = new Pipe(new PipeOptions(useSynchronizationContext: false));
        context.Transport = new InspectedTransport(inspected.Reader, socket.Output);
        using var session = sessions.GetSession();
        var inspector = new FrameInspector(preambles, session, MeshDefaults.GatewayRequestHeaderBytes, MeshDefaults.GatewayRequestBodyBytes);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed);
        var pump = PumpAsync(context, socket.Input, inspected.Writer, inspector, remote, stopping.Token);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
            context.Transport = socket;
        }
    }

    /// <summary>Copies accepted frames from the socket to Orleans' side until the socket ends, the connection closes, or a frame is refused.</summary>
    private async Task PumpAsync(ConnectionContext context, PipeReader socket, PipeWriter orleans, FrameInspector inspector, string? remote, CancellationToken stopping)
    {
        Exception? ended = null;
        try
        {
            while (true)
            {
                var read = await socket.ReadAsync(stopping).ConfigureAwait(false);
                var buffer = read.Buffer;
                var verdict = Pass(ref buffer, orleans, inspector);
                socket.AdvanceTo(buffer.Start, buffer.End);
                if (verdict.Reason is { } reason)
                {
                    var sentence = verdict.Sentence ?? reason;
                    ended = new ConnectionAbortedException(sentence);
                    Refuse(context, remote, reason, sentence);
                    return;
                }

                var flushed = await orleans.FlushAsync(stopping).ConfigureAwait(false);
                if (read.IsCompleted || read.IsCanceled || flushed.IsCompleted)
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed.
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or ConnectionAbortedException or InvalidOperationException)
        {
            ended = ex;
        }
        finally
        {
            await orleans.CompleteAsync(ended).ConfigureAwait(false);
        }
    }

    /// <summary>Writes every whole accepted frame at the start of <paramref name="buffer"/> to <paramref name="orleans"/>, leaving <paramref name="buffer"/> at the first one not yet whole; the refusal, if one is met.</summary>
    private static FrameVerdict Pass(ref ReadOnlySequence<byte> buffer, PipeWriter orleans, FrameInspector inspector)
    {
        while (true)
        {
            var verdict = inspector.Next(buffer);
            if (verdict.Length == 0)
                return verdict;
            foreach (var segment in buffer.Slice(0, verdict.Length))
                orleans.Write(segment.Span);
            buffer = buffer.Slice(verdict.Length);
        }
    }

    private void Refuse(ConnectionContext context, string? remote, string reason, string sentence)
    {
        GatewayTelemetry.Count(reason);
        LogRefused(logger, remote, reason, sentence);
        context.Abort(new ConnectionAbortedException($"the gateway closed this connection: {sentence}"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection from {Remote} closed ({Reason}): {Sentence}")]
    private static partial void LogRefused(ILogger logger, string? remote, string reason, string sentence);
}
