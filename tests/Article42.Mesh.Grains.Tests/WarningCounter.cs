using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains.Tests;

/// <summary>A logger provider that keeps every warning and error the silo logs, so a test can count them.</summary>
public sealed class WarningCounter : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Warnings and errors logged so far, formatted.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public int Count(string fragment) => _lines.Count(line => line.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                lines.Enqueue(formatter(state, exception));
        }
    }
}
