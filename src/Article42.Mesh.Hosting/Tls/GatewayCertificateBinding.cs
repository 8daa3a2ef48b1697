using Article42.Mesh.Hosting.Connections;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// Binds each gateway connection's TLS client certificate to the Orleans client speaking on it: after the handshake
/// it reads (without consuming) the client's preamble, which names the client id every call of that client carries as
/// its source, and records that this connection (on this gateway silo) holds the client id with this certificate
/// (thumbprint, and the participant its common name names) in the cluster-wide <see cref="IGatewayIdentityBook"/>
/// before Orleans sees a byte. A connection without a certificate is closed; one whose client id a connection on any
/// gateway silo holds with another certificate, or that speaks for another participant, is closed as
/// <see cref="ErrorCodes.ClientIdBoundElsewhere"/> (logged, counted in <c>a42.gateway.refused</c>). The claim is
/// renewed while the connection lasts and released when it closes, so the same client reconnecting through any
/// gateway silo is bound again at once.
/// </summary>
internal sealed partial class GatewayCertificateBinding(
    IGatewayIdentityBook book,
    ClientPreambleReader preambles,
    ILocalSiloDetails silo,
    ILogger<GatewayCertificateBinding> logger)
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

        var binding = new GatewayBinding(TlsCertificates.CommonName(certificate), certificate.Thumbprint, $"{silo.SiloAddress}/{context.ConnectionId}");
        if (await ClientIdAsync(context).ConfigureAwait(false) is not { } client)
            return; // closed or garbled before the preamble: Orleans would refuse it too
        if (await book.BindAsync(client, binding).ConfigureAwait(false) is { } other)
        {
            GatewayTelemetry.Count(GatewayRefusal.ClientIdBound);
            LogBound(logger, context.RemoteEndPoint?.ToString(), ErrorCodes.ClientIdBoundElsewhere, client, Holding(other), certificate.Subject, certificate.Thumbprint);
            return;
        }

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(context.ConnectionClosed);
        var renewal = RenewAsync(client, binding, renewing.Token);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            await ReleaseAsync(client, binding).ConfigureAwait(false);
        }
    }

    /// <summary>What holds the client id, for the log: another participant, or another certificate's connection.</summary>
    private static string Holding(GatewayBinding other) => other.Holder.Length == 0
        ? $"participant '{other.Participant}'"
        : $"certificate {other.Thumbprint} of '{other.Participant}' on gateway connection {other.Holder}";

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

    private async Task RenewAsync(string client, GatewayBinding binding, CancellationToken closed)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Renewal, closed).ConfigureAwait(false);
                if (await book.BindAsync(client, binding).ConfigureAwait(false) is { } other)
                    LogRenewalRefused(logger, client, Holding(other));
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

    /// <summary>Releases the claim; should Redis fail now, the claim expires a lifetime after its last renewal instead.</summary>
    private async Task ReleaseAsync(string client, GatewayBinding binding)
    {
        try
        {
            await book.ReleaseAsync(client, binding).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogReleaseFailed(logger, client, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection from {Remote} closed ({Code}): its client id {Client} is bound to {Holding}, not to this connection's certificate '{Subject}' ({Thumbprint})")]
    private static partial void LogBound(ILogger logger, string? remote, string code, string client, string holding, string subject, string thumbprint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Renewing the certificate binding of client {Client} met {Holding}; the binding had lapsed")]
    private static partial void LogRenewalRefused(ILogger logger, string client, string holding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the certificate binding of client {Client} failed; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, string client, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection from {Remote} closed: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the certificate binding of client {Client} failed")]
    private static partial void LogRenewalFailed(ILogger logger, string client, Exception exception);
}
