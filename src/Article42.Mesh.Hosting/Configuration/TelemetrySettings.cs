namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Section <c>Telemetry</c>: the share of traces kept.</summary>
public sealed record TelemetrySettings(double TraceSampleRatio)
{
    /// <summary>Used when <c>Telemetry:TraceSampleRatio</c> is not set: every trace is kept.</summary>
    public const double DefaultTraceSampleRatio = 1.0;
}
