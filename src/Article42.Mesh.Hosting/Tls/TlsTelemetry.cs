using System.Diagnostics.Metrics;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>The silo's TLS instruments, on the mesh's one meter: refused handshakes, and time left on the certificate (alert on it).</summary>
internal static class TlsTelemetry
{
    private static Func<SiloTlsMaterial>? Current;

    public static Counter<long> Refused { get; } = MeshTelemetry.Meter.CreateCounter<long>(
        "a42.tls.refused", "{connection}", "TLS connections refused because the peer's certificate did not pass (per endpoint: silo or gateway).");

    /// <summary>Seconds until the silo's certificate in use expires; absent without TLS.</summary>
    public static ObservableGauge<double> Expiry { get; } = MeshTelemetry.Meter.CreateObservableGauge(
        "a42.tls.certificate.expiry", Observe, "s", "Time left until the silo's TLS certificate (as reloaded) expires.");

    /// <summary>Which material the gauge reports (the last silo started in this process).</summary>
    public static void Watch(Func<SiloTlsMaterial> material) => Current = material;

    private static IEnumerable<Measurement<double>> Observe()
    {
        if (Current is not { } material)
            yield break;
        yield return new Measurement<double>((material().Certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow).TotalSeconds);
    }
}
