using Microsoft.Extensions.Logging;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// A logger for <see cref="HttpWebSocketOptions.Logger"/> that keeps the scheduled reconnect attempts (their number and
/// the delay chosen for them) from the connection's structured log, and every line as text.
/// </summary>
public sealed class ReconnectLog : ILogger
{
    private readonly List<(int Attempt, int MaxAttempts, TimeSpan Delay)> _attempts = [];
    private readonly List<string> _lines = [];

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

    /// <summary>Every line logged so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_attempts)
            {
                return _lines.ToArray();
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
            _lines.Add(text);
            if (eventId.Name == "Reconnecting" && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                var fields = values.ToDictionary(pair => pair.Key, pair => pair.Value);
                _attempts.Add(((int)fields["Attempt"]!, (int)fields["MaxAttempts"]!, (TimeSpan)fields["Delay"]!));
            }
        }
    }
}
