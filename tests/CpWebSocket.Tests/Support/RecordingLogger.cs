using Microsoft.Extensions.Logging;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// A logger for <see cref="HttpWebSocketOptions.Logger"/> that keeps every entry with its level, and the scheduled
/// reconnect attempts (their number and the delay chosen for them) from the connection's structured log.
/// </summary>
public sealed class RecordingLogger : ILogger
{
    private readonly List<(int Attempt, int MaxAttempts, TimeSpan Delay)> _attempts = [];
    private readonly List<(LogLevel Level, string Text)> _entries = [];

    /// <summary>The reconnect attempts scheduled so far, in order.</summary>
    public IReadOnlyList<(int Attempt, int MaxAttempts, TimeSpan Delay)> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return _attempts.ToArray();
            }
        }
    }

    /// <summary>Every entry logged so far, with its level.</summary>
    public IReadOnlyList<(LogLevel Level, string Text)> Entries
    {
        get
        {
            lock (_attempts)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception);
        lock (_attempts)
        {
            _entries.Add((logLevel, text));
            if (eventId.Name == "Reconnecting" && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                var fields = values.ToDictionary(pair => pair.Key, pair => pair.Value);
                _attempts.Add(((int)fields["Attempt"]!, (int)fields["MaxAttempts"]!, (TimeSpan)fields["Delay"]!));
            }
        }
    }
}
