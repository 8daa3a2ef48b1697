using System.Diagnostics.Metrics;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The silo's TLS instruments, on the mesh's one meter: refused handshakes (and connections closed by a revocation),
/// the time left on the certificate and until the revocation list's next update (alert on both).
/// </summary>
internal static class TlsTelemetry
{
    private static SiloCertificates? Watched;

    public static Counter<long> Refused { get; } = MeshTelemetry.Meter.CreateCounter<long>(
        "a42.tls.refused", "{connection}", "TLS connections refused because the peer's certificate did not pass or was revoked (per endpoint: silo or gateway).");

    /// <summary>Seconds until the silo's certificate in use expires; absent without TLS.</summary>
    public static ObservableGauge<double> Expiry { get; } = MeshTelemetry.Meter.CreateObservableGauge(
        "a42.tls.certificate.expiry", ObserveExpiry, "s", "Time left until the silo's TLS certificate (as reloaded) expires.");

    /// <summary>Seconds until the revocation list's next update, negative once it is overdue; absent without a list.</summary>
    public static ObservableGauge<double> RevocationListDue { get; } = MeshTelemetry.Meter.CreateObservableGauge(
        "a42.tls.revocation_list.next_update", ObserveRevocations, "s", "Time left until the TLS revocation list in use is due to be re-issued (negative: overdue; it stays in use).");

    /// <summary>Which silo's material the gauges report (the last silo started in this process).</summary>
    public static void Watch(SiloCertificates certificates) => Watched = certificates;

    /// <summary>Counts one refused (or, after a revocation, closed) connection on <paramref name="endpoint"/>.</summary>
    public static void CountRefused(string endpoint) =>
        Refused.Add(1, new KeyValuePair<string, object?>("a42.tls.endpoint", endpoint));

    private static IEnumerable<Measurement<double>> ObserveExpiry()
    {
        if (Watched is not { } certificates)
            yield break;
        yield return new Measurement<double>((certificates.Current.Certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow).TotalSeconds);
    }

    private static IEnumerable<Measurement<double>> ObserveRevocations()
    {
        if (Watched?.Revocations.NextUpdate is not { } due)
            yield break;
        yield return new Measurement<double>((due - DateTimeOffset.UtcNow).TotalSeconds);
    }
}
