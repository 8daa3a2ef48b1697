using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Article42.Mesh.TestKit;

/// <summary>
/// An OpenTelemetry processor that keeps every ended span, safe to read while silos keep ending spans on other
/// threads (the SDK's in-memory exporter fills a plain list).
/// </summary>
public sealed class SpanCollector : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> _ended = new();

    public IEnumerable<Activity> Ended => _ended;

    public override void OnEnd(Activity data) => _ended.Enqueue(data);
}
