using Microsoft.Extensions.Logging;
using Websocket.Client;

namespace CpWebSocket.Transport;

/// <summary>Hands the user's <see cref="ILogger"/> to <c>Websocket.Client</c>, which asks for a typed one.</summary>
internal sealed class TransportLogger : ILogger<WebsocketClient>
{
    private readonly ILogger _inner;

    public TransportLogger(ILogger inner) => _inner = inner;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _inner.Log(logLevel, eventId, state, exception, formatter);
}
