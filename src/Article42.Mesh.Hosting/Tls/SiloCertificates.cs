using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Hosting.Configuration;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The silo's TLS material while it runs, reloaded without a restart: every handshake, every metrics scrape and a timer
/// (<see cref="Recheck"/>) compare the files' fingerprints with the loaded ones. New certificate files that pass every
/// start-up check replace the material for new connections (established ones keep theirs); a new revocation list
/// signed by a trusted CA replaces the lists, and the open connections of a certificate it revokes are closed at once.
/// Files that fail are logged once and the previous material or list stays in use, so a half-copied file never takes a
/// silo off the network nor lifts a revocation. The certificate and the list are reloaded apart: a bad list never
/// holds back a renewed certificate.
/// </summary>
internal sealed partial class SiloCertificates : IDisposable
{
    /// <summary>How often the files are compared without a handshake: a revoked certificate loses its open connections within it.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);

    private readonly TlsSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<SiloCertificates> _logger;
    private readonly Lock _gate = new();
    private readonly OpenTlsConnections _open = new();
    private readonly ITimer _timer;
    private SiloTlsMaterial _current;
    private SiloRevocations _revocations;
    private string _revocationsKey;
    private string? _refused;
    private string? _refusedRevocations;
    private string? _overdueLogged;

    public SiloCertificates(TlsSettings settings, SiloTlsMaterial initial, TimeProvider time, ILogger<SiloCertificates> logger)
    {
        _settings = settings;
        _time = time;
        _logger = logger;
        _current = initial;
        _revocations = initial.Revocations;
        _revocationsKey = _revocations.Fingerprint + initial.Fingerprint;
        _timer = time.CreateTimer(_ => Refresh(), null, Recheck, Recheck);
        LogOverdueOnce();
    }

    public TlsSettings Settings => _settings;

    /// <summary>The material in use, after loading changed files.</summary>
    public SiloTlsMaterial Current
    {
        get
        {
            Refresh();
            return _current;
        }
    }

    /// <summary>The revocation lists in use, after loading a changed file.</summary>
    public SiloRevocations Revocations
    {
        get
        {
            Refresh();
            return _revocations;
        }
    }

    /// <summary>True when a peer's certificate chains to the trusted CAs for <paramref name="purpose"/> and no list revokes it; a refusal is logged and counted.</summary>
    public bool Accept(X509Certificate2 peer, X509Chain? chain, TlsPurpose purpose, string endpoint)
    {
        var problem = TlsPeerCheck.Problem(peer, chain, Current.Authorities, purpose, _time.GetUtcNow().UtcDateTime) ?? _revocations.Problem(peer);
        if (problem is null)
            return true;
        TlsTelemetry.CountRefused(endpoint);
        LogRefused(_logger, endpoint, problem);
        return false;
    }

    /// <summary>Records an established connection (its peer certificate), so that a revocation closes it; dispose when it ends.</summary>
    public IDisposable? Track(ConnectionContext context, string endpoint) => _open.Track(context, endpoint);

    public void Dispose() => _timer.Dispose();

    private void Refresh()
    {
        RefreshCertificate();
        RefreshRevocations();
    }

    private void RefreshCertificate()
    {
        string fingerprint;
        try
        {
            fingerprint = SiloTlsMaterial.FingerprintOf(_settings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // being replaced right now: the next handshake looks again
        }

        lock (_gate)
        {
            if (fingerprint == _current.Fingerprint || fingerprint == _refused)
                return;
            // Without the list: it is reloaded on its own, and a bad one must not hold back a renewed certificate.
            var (material, errors) = SiloTlsMaterial.Load(_settings with { RevocationList = null }, _time.GetUtcNow().UtcDateTime);
            if (material is null)
            {
                _refused = fingerprint;
                LogReloadRefused(_logger, string.Join("; ", errors));
                return;
            }

            // The old certificate is not disposed: handshakes in flight may still be using it.
            _current = material;
            LogReloaded(_logger, TlsCertificates.Describe(material.Certificate));
        }
    }

    private void RefreshRevocations()
    {
        if (_settings.RevocationList is not { } path)
            return;
        string fingerprint;
        try
        {
            fingerprint = SiloRevocations.FingerprintOf(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // being replaced right now: the next look reads it
        }

        SiloRevocations loaded;
        lock (_gate)
        {
            // The CA file is part of the key: a list is checked again against new CAs.
            var key = fingerprint + _current.Fingerprint;
            if (key == _revocationsKey || key == _refusedRevocations)
            {
                LogOverdueOnce();
                return;
            }

            var errors = new List<MeshError>();
            var candidate = fingerprint == SiloRevocations.Absent && !_revocations.Lists.IsEmpty
                ? null
                : SiloRevocations.Load(_settings, _current.Authorities, errors);
            if (candidate is null && errors.Count == 0)
                errors.Add(new MeshError(ConfigErrorCodes.BadRevocationList, ConfigKeys.TlsRevocationList, $"'{path}' is gone: a list in use is never dropped by deleting its file (issue a new one instead)"));
            if (candidate is not null && _revocations.Regression(candidate) is { } older)
                errors.Add(older);
            if (errors.Count > 0 || candidate is null)
            {
                _refusedRevocations = key;
                LogRevocationsRefused(_logger, string.Join("; ", errors));
                return;
            }

            var changed = candidate.Fingerprint != _revocations.Fingerprint;
            _revocations = loaded = candidate;
            _revocationsKey = key;
            if (changed)
                LogRevocationsReloaded(_logger, path, loaded.Lists.Sum(l => l.Serials.Count), Numbers(loaded));
            LogOverdueOnce();
        }

        foreach (var (endpoint, problem) in _open.CloseWhere(loaded.Problem))
        {
            TlsTelemetry.CountRefused(endpoint);
            LogClosed(_logger, endpoint, problem);
        }
    }

    /// <summary>A list past its next update stays in use (fail-open); it is said once per list, and the gauge shows it.</summary>
    private void LogOverdueOnce()
    {
        var revocations = _revocations;
        if (revocations.NextUpdate is not { } due || due > _time.GetUtcNow() || _overdueLogged == revocations.Fingerprint)
            return;
        _overdueLogged = revocations.Fingerprint;
        LogOverdue(_logger, revocations.Path, $"{due.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
    }

    private static string Numbers(SiloRevocations revocations) =>
        string.Join(", ", revocations.Lists.Select(l => l.Number is { } n ? $"number {n} of '{l.Issuer.Name}'" : $"unnumbered of '{l.Issuer.Name}'"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "TLS connection refused on the {Endpoint} endpoint: {Problem}")]
    private static partial void LogRefused(ILogger logger, string endpoint, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TLS connection closed on the {Endpoint} endpoint: {Problem} (the revocation list was reloaded)")]
    private static partial void LogClosed(ILogger logger, string endpoint, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "TLS certificate reloaded: {Certificate}")]
    private static partial void LogReloaded(ILogger logger, string certificate);

    [LoggerMessage(Level = LogLevel.Error, Message = "TLS files changed but cannot be used; the previous certificate stays in use: {Errors}")]
    private static partial void LogReloadRefused(ILogger logger, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "TLS revocation list reloaded: {Path}, {Revoked} revoked certificates ({Lists})")]
    private static partial void LogRevocationsReloaded(ILogger logger, string path, int revoked, string lists);

    [LoggerMessage(Level = LogLevel.Error, Message = "TLS revocation list changed but cannot be used; the previous list stays in use: {Errors}")]
    private static partial void LogRevocationsRefused(ILogger logger, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "TLS revocation list {Path} is overdue: its next update was due {Due}; it stays in use (its certificates stay revoked), issue a new one")]
    private static partial void LogOverdue(ILogger logger, string? path, string due);
}
