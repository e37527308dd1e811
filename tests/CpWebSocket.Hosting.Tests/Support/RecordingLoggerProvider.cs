using Microsoft.Extensions.Logging;

namespace CpWebSocket.Hosting.Tests.Support;

/// <summary>A logger provider that keeps every entry, with its category and level.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, LogLevel Level, string Text)> _entries = [];

    /// <summary>Every entry logged so far.</summary>
    public IReadOnlyList<(string Category, LogLevel Level, string Text)> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Add(string category, LogLevel level, string text)
    {
        lock (_entries)
        {
            _entries.Add((category, level, text));
        }
    }

    private sealed class Recorder(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add(category, logLevel, formatter(state, exception));
    }
}
