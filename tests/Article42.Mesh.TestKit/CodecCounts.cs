using System.Diagnostics.Metrics;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.TestKit;

/// <summary>
/// Counts the envelope codec's encodes and decodes in this process (<see cref="CodecMeter"/>) while it lives. The silo
/// under test runs in this process, so a test that signs its envelopes before it starts counting counts the mesh's.
/// </summary>
public sealed class CodecCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _encodes;
    private long _decodes;

    public CodecCounts()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CodecMeter.Name)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == CodecMeter.Encodes)
                Interlocked.Add(ref _encodes, value);
            else if (instrument.Name == CodecMeter.Decodes)
                Interlocked.Add(ref _decodes, value);
        });
        _listener.Start();
    }

    public long Encodes => Interlocked.Read(ref _encodes);

    public long Decodes => Interlocked.Read(ref _decodes);

    public void Dispose() => _listener.Dispose();
}
