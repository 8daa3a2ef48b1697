using System.Diagnostics.Metrics;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Counts the submits the mesh refuses with one error code (<c>a42.messages.refused</c>, by <c>error.type</c>) while it
/// lives. The meter is the process's: only a code no test running beside it produces counts one test's refusals.
/// </summary>
public sealed class RefusalCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public RefusalCount(string code)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeshTelemetry.Name && instrument.Name == "a42.messages.refused")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "error.type" && Equals(tag.Value, code))
                    Interlocked.Add(ref _count, value);
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
