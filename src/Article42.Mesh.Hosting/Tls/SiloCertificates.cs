using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Hosting.Configuration;
using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The silo's TLS material while it runs, reloaded without a restart: every handshake (and every metrics scrape)
/// compares the files' fingerprint with the loaded one, and new files that pass every start-up check replace the
/// material for new connections (established ones keep theirs). Files that fail are logged once and the previous
/// material stays in use, so a half-copied certificate never takes a silo off the network.
/// </summary>
internal sealed partial class SiloCertificates(TlsSettings settings, SiloTlsMaterial initial, TimeProvider time, ILogger<SiloCertificates> logger)
{
    private readonly Lock _gate = new();
    private SiloTlsMaterial _current = initial;
    private string? _refused;

    public TlsSettings Settings => settings;

    /// <summary>The material in use, after loading changed files.</summary>
    public SiloTlsMaterial Current
    {
        get
        {
            Refresh();
            return _current;
        }
    }

    /// <summary>True when a peer's certificate chains to the trusted CAs for <paramref name="purpose"/>; a refusal is logged and counted.</summary>
    public bool Accept(X509Certificate2 peer, X509Chain? chain, TlsPurpose purpose, string endpoint)
    {
        var problem = TlsPeerCheck.Problem(peer, chain, Current.Authorities, purpose, time.GetUtcNow().UtcDateTime);
        if (problem is null)
            return true;
        TlsTelemetry.Refused.Add(1, new KeyValuePair<string, object?>("a42.tls.endpoint", endpoint));
        LogRefused(logger, endpoint, problem);
        return false;
    }

    private void Refresh()
    {
        string fingerprint;
        try
        {
            fingerprint = SiloTlsMaterial.FingerprintOf(settings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // being replaced right now: the next handshake looks again
        }

        lock (_gate)
        {
            if (fingerprint == _current.Fingerprint || fingerprint == _refused)
                return;
            var (material, errors) = SiloTlsMaterial.Load(settings, time.GetUtcNow().UtcDateTime);
            if (material is null)
            {
                _refused = fingerprint;
                LogReloadRefused(logger, string.Join("; ", errors));
                return;
            }

            // The old certificate is not disposed: handshakes in flight may still be using it.
            _current = material;
            LogReloaded(logger, TlsCertificates.Describe(material.Certificate));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TLS connection refused on the {Endpoint} endpoint: {Problem}")]
    private static partial void LogRefused(ILogger logger, string endpoint, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "TLS certificate reloaded: {Certificate}")]
    private static partial void LogReloaded(ILogger logger, string certificate);

    [LoggerMessage(Level = LogLevel.Error, Message = "TLS files changed but cannot be used; the previous certificate stays in use: {Errors}")]
    private static partial void LogReloadRefused(ILogger logger, string errors);
}
