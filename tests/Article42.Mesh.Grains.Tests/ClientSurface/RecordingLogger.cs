using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains.Tests;

/// <summary>Keeps every line logged, with its level and structured values.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, IReadOnlyDictionary<string, object?> Values)> _lines = [];

    public IReadOnlyList<(LogLevel Level, IReadOnlyDictionary<string, object?> Values)> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
        lock (_lines)
            _lines.Add((logLevel, values));
    }
}
