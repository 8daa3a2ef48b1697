using Article42.Mesh.Hosting.Connections;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// Binds each gateway connection's TLS client certificate to the Orleans client speaking on it: after the handshake
/// it reads (without consuming) the client's preamble, which names the client id every call of that client carries as
/// its source, and records client id → certificate common name in the <see cref="IGatewayIdentityBook"/> before Orleans
/// sees a byte. A connection without a certificate, or claiming a client id bound to another certificate, is closed.
/// </summary>
internal sealed partial class GatewayCertificateBinding(IGatewayIdentityBook book, ClientPreambleReader preambles, ILogger<GatewayCertificateBinding> logger)
{
    private static readonly TimeSpan PreambleTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Renewal = RedisGatewayIdentityBook.Lifetime / 4;

    public async Task OnConnectionAsync(ConnectionContext context, ConnectionDelegate next)
    {
        var certificate = context.Features.Get<ITlsConnectionFeature>()?.RemoteCertificate;
        if (certificate is null)
        {
            LogRefused(logger, context.RemoteEndPoint?.ToString(), "it presented no TLS client certificate (Tls:BindParticipant needs one per gateway)");
            return;
        }

        var participant = TlsCertificates.CommonName(certificate);
        if (await ClientIdAsync(context).ConfigureAwait(false) is not { } client)
            return; // closed or garbled before the preamble: Orleans would refuse it too
        if (!await book.BindAsync(client, participant).ConfigureAwait(false))
        {
            LogRefused(logger, context.RemoteEndPoint?.ToString(), $"its client id {client} is bound to another certificate than '{certificate.Subject}'");
            return;
        }

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed);
        var renewal = RenewAsync(client, participant, renewing.Token);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private async Task<string?> ClientIdAsync(ConnectionContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed);
        timeout.CancelAfter(PreambleTimeout);
        var input = context.Transport.Input;
        try
        {
            while (true)
            {
                var read = await input.ReadAsync(timeout.Token).ConfigureAwait(false);
                var buffer = read.Buffer;
                if (preambles.TryRead(buffer, out _, out var client))
                {
                    // Consumed nothing, examined nothing: Orleans reads the same preamble next.
                    input.AdvanceTo(buffer.Start);
                    return client?.ToString();
                }

                if (read.IsCompleted || read.IsCanceled)
                {
                    input.AdvanceTo(buffer.Start);
                    return null;
                }

                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task RenewAsync(string client, string participant, CancellationToken closed)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Renewal, closed).ConfigureAwait(false);
                await book.BindAsync(client, participant).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRenewalFailed(logger, client, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection from {Remote} closed: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the certificate binding of client {Client} failed")]
    private static partial void LogRenewalFailed(ILogger logger, string client, Exception exception);
}
