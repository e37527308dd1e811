using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace CpWebSocket.Tests.Reliability.Security;

/// <summary>An <see cref="ILogger"/> enabled at every level that keeps every entry, as a structured-logging backend would.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly object _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly AsyncLocal<ImmutableScopes?> _scopes = new();

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        var outer = _scopes.Value;
        _scopes.Value = new ImmutableScopes(Describe(state), outer);
        return new Scope(() => _scopes.Value = outer);
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(pair => $"{pair.Key}={Describe(pair.Value)}").ToArray()
            : [Describe(state)];
        var scopes = new List<string>();
        for (var scope = _scopes.Value; scope is not null; scope = scope.Outer)
        {
            scopes.Add(scope.Description);
        }

        var entry = new LogEntry(logLevel, eventId, string.Empty, formatter(state, exception), values, exception?.ToString(), scopes);
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => text,
        IEnumerable sequence and not IFormattable => string.Join(", ", sequence.Cast<object?>().Select(Describe)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed record ImmutableScopes(string Description, ImmutableScopes? Outer);

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
