namespace Article42.Mesh.Gateway;

/// <summary>
/// The Orleans client's connection retry filter: a mesh that is not up yet is retried with backoff until the caller
/// cancels (docs/design/orleans.md §2.4), but a TLS failure that retrying cannot fix ends the attempt with a
/// <see cref="MeshTlsException"/> saying why, instead of trying forever; an attempt that found nothing listening at
/// any endpoint is told to <see cref="MeshClientOptions.OnUnreachable"/>, which may end it too.
/// </summary>
internal sealed class ConnectionRetry(MeshClientOptions options) : IClientConnectionRetryFilter
{
    private const int ProbedGateways = 3;
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var endpoints = options.Connection.Endpoints.Take(ProbedGateways).ToList();
        var listening = false;
        foreach (var endpoint in endpoints)
        {
            var probe = await TlsProbe.DiagnoseAsync(endpoint, options.Connection.Tls, cancellationToken).ConfigureAwait(false);
            if (probe.Problem is { } error)
                throw new MeshTlsException(error);
            listening |= probe.Listening;
        }

        if (!listening && endpoints.Count > 0)
            options.OnUnreachable?.Invoke(new MeshUnreachableException(endpoints));

        await Task.Delay(Transient.Backoff(_attempt++, options.RetryBaseDelay, options.RetryMaxDelay), options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return !cancellationToken.IsCancellationRequested;
    }
}
